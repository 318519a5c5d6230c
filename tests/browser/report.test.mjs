// Browser test of `carryover report` (issue 11.2): the page opened in a
// real browser, Debian's chromium driven by npm playwright-core (headless,
// no browser download).
//
//   node tests/browser/report.test.mjs <carryover-binary> <source-dir> <artifact-dir>
//
// A fresh store gets an athlete (examples/marathon.ini with a name made of
// markup) and 16 weeks of realistic training logged through the CLI: easy
// runs with heart rate, threshold runs, long runs, two lifting sessions a
// week of three loaded lifts at RPE 7-8 with session RPE, threshold tests.
// Then `carryover report -o` writes the page, and in chromium:
//   - no console error, no page error, no request other than the file itself;
//   - the athlete's name reads as text (escaped in the HTML, not markup);
//   - every chart is there (timeline, load, fitness, e1rm, threshold,
//     efficiency, effect), one <svg> each, drawn (marks of non-zero size)
//     with hover titles on its marks, the effect chart drawing the interval
//     of the effect `carryover analyze --json` finds (easy runs the days
//     after lifting feel harder than Monday's); the findings are listed;
//     the sessions table has rows;
//   - on a phone-sized viewport the page does not scroll sideways;
//   - printed to A4 (PDF), no chart is cut across pages (break-inside: avoid);
//   - the HTML has no external URL, src=, href=, url( or @import.
// Artifacts in <artifact-dir>: report.html, report.png (desktop, full
// page), report-phone.png, report.pdf.
//
// Without chromium or playwright-core the test is skipped (exit 77), except
// under CI=true, where it fails: CI must run it (scripts/deps.sh installs
// chromium, `npm ci` playwright-core). CO_CHROMIUM names another binary.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [binArg, srcDir, artifactDir] = process.argv.slice(2);
const bin = binArg && resolve(binArg);
if (!binArg || !srcDir || !artifactDir) {
  console.error("usage: node report.test.mjs CARRYOVER_BINARY SOURCE_DIR ARTIFACT_DIR");
  process.exit(2);
}
const ci = process.env.CI === "true" || process.env.CI === "1";
function missing(what) {
  if (ci) {
    console.error(`browser test: ${what} (CI=true: the browser test must run)`);
    process.exit(1);
  }
  console.error(`browser test: ${what}: skipped`);
  process.exit(77);
}

const chromiumPath = process.env.CO_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromiumPath)) missing(`no chromium at ${chromiumPath} (scripts/deps.sh installs it)`);
const require = createRequire(join(resolve(srcDir), "package.json"));
let chromium;
try {
  ({ chromium } = require(require.resolve("playwright-core")));
} catch {
  missing("playwright-core is not installed (run 'npm ci' in the source directory)");
}

let passed = 0, failed = 0;
function check(ok, name, detail) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${name}${detail !== undefined ? ": " + detail : ""}`);
  }
}

const work = mkdtempSync(join(tmpdir(), "co-browser-"));
const TODAY = "2027-04-18";
const env = {
  ...process.env,
  CARRYOVER_DB: join(work, "carryover.db"),
  HOME: work,
  XDG_DATA_HOME: join(work, "xdg"),
  CARRYOVER_TODAY: TODAY,
  TZ: "UTC",
};
function run(args) {
  const r = spawnSync(bin, args, { encoding: "utf8", env, cwd: work });
  if (r.status !== 0) throw new Error(`carryover ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}
function day(base, plus) {
  const d = new Date(base + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + plus);
  return d.toISOString().slice(0, 10);
}

const NAME = `Ann <i>"Jo"</i> & Co`;
let browser;
try {
  // --- the athlete and 16 weeks of training -----------------------------------
  const profile = readFileSync(join(srcDir, "examples/marathon.ini"), "utf8")
    .replace(/^name = .*$/m, `name = ${NAME}`);
  writeFileSync(join(work, "p.ini"), profile);
  run(["plan", join(work, "p.ini"), "--weeks", "1"]);
  const first = "2026-12-28"; // a Monday, 16 weeks before TODAY
  for (let w = 0; w < 16; w++) {
    const mon = day(first, 7 * w), deload = w % 4 === 3;
    const log = (d, ...words) => run(["log", "--date", d, ...words]);
    // Monday's easy run follows no session (the last was Thursday): the
    // reference the easy runs of Wednesday and Saturday, 1 and 2 days after
    // a session, are compared with; they feel a point harder.
    log(mon, "run", "easy", "40min", `${(7.2 + w * 0.07).toFixed(1)}km`, "rpe", String(3 + (w % 2)), "hr", String(140 - Math.floor(w / 4)));
    log(day(mon, 1), "run", "intervals", "60min", `${11 + (w % 3)}km`, "rpe", "8");
    log(day(mon, 2), "run", "easy", "45min", `${(8 + w * 0.08).toFixed(1)}km`, "rpe", String(4 + (w % 2)), "hr", String(146 - Math.floor(w / 3)));
    log(day(mon, 3), "run", "threshold", "40min", `${(8.6 + w * 0.06).toFixed(2)}km`, "rpe", "8");
    log(day(mon, 5), "run", "easy", "40min", `${(7 + w * 0.07).toFixed(1)}km`, "rpe", String(5 - (w % 2)), "hr", String(143 - Math.floor(w / 4)));
    log(day(mon, 6), "run", "long", `${90 + 5 * (w % 4)}min`, `${16 + (w % 4)}km`, "rpe", "6", "hr", "138");
    const rpe = deload ? "7" : String(7.5 + (w % 2) * 0.5);
    log(day(mon, 1), "rdl", `3x8@${60 + 2.5 * w}`, "rpe", rpe);
    log(day(mon, 1), "hip_thrust", `3x8@${80 + 2.5 * w}`, "rpe", rpe);
    log(day(mon, 1), "session", "45min", "rpe", "7");
    log(day(mon, 3), "bss", `3x8@${12 + w}`, "rpe", rpe, "note", "felt <strong> & stable");
    log(day(mon, 3), "goblet_squat", `3x10@${20 + w}`, "rpe", "7");
    log(day(mon, 3), "session", "40min", "rpe", "6");
    if (w % 5 === 1) log(day(mon, 3), "test", "threshold", `4:${String(40 - w).padStart(2, "0")}`);
  }

  // what analyze finds: the pooled RPE effect after any session, as words it
  const findings = JSON.parse(run(["analyze", "--json"])).findings;
  const any = findings.find((f) => f.id === "lift_effect.any.rpe");
  check(any && any.estimate !== null, "analyze finds the effect", JSON.stringify(any));
  // one decimal, signed, rounded half away from zero as C's round() and never "-0.0"
  const one = (v) => { const r = Math.sign(v) * Math.round(Math.abs(v) * 10) / 10 || 0; return (r >= 0 ? "+" : "") + r.toFixed(1); };
  const effect = any && any.estimate !== null ? `${one(any.estimate)} RPE (95% CI ${one(any.ci_low)} to ${one(any.ci_high)}), ${any.n} runs against ${any.n_ref}` : "?";

  // --- the page ------------------------------------------------------------------
  mkdirSync(artifactDir, { recursive: true });
  const htmlPath = join(artifactDir, "report.html");
  run(["report", "-o", htmlPath]);
  const html = readFileSync(htmlPath, "utf8");
  check(html.startsWith("<!DOCTYPE html>"), "doctype");
  for (const bad of [/https?:/i, /\bsrc\s*=/i, /\bhref\s*=/i, /url\(/i, /@import/i, /<script/i, /<link/i, /<iframe/i, /<img/i])
    check(!bad.test(html), `no external resource (${bad})`, (html.match(bad) || [])[0]);
  check(!html.includes(NAME) && html.includes("Ann &lt;i&gt;&quot;Jo&quot;&lt;/i&gt; &amp; Co"), "name escaped in the HTML");
  check((html.match(/<svg/g) || []).length === 7, "one <svg> per chart", (html.match(/<svg/g) || []).length);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(htmlPath).href;
  await page.goto(url, { waitUntil: "load" });

  check((await page.textContent("h1")) === NAME, "the name reads as text", await page.textContent("h1"));
  check((await page.locator("h1 i").count()) === 0, "the name is not markup");

  const charts = ["timeline", "load", "fitness", "e1rm", "threshold", "efficiency", "effect"];
  for (const id of charts) {
    const fig = page.locator(`figure.chart#${id}`);
    check((await fig.count()) === 1, `chart ${id} present`);
    if ((await fig.count()) !== 1) continue;
    const info = await fig.evaluate((f) => {
      const svgs = f.querySelectorAll("svg");
      const svg = svgs[0];
      const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      const marks = svg ? [...svg.querySelectorAll("rect, circle, polyline, path, line")] : [];
      const sized = marks.filter((m) => { const b = m.getBBox(); return b.width > 0 || b.height > 0; });
      const titled = svg ? svg.querySelectorAll("circle > title, rect > title, g > title").length : 0;
      return {
        svgs: svgs.length, width: box.width, height: box.height, marks: marks.length,
        sized: sized.length, titled, title: svg && svg.querySelector(":scope > title")?.textContent,
        text: svg ? svg.textContent : "",
      };
    });
    check(info.svgs === 1, `chart ${id}: one svg`, info.svgs);
    check(info.width > 300 && info.height > 100, `chart ${id}: laid out`, `${info.width}x${info.height}`);
    check(info.sized > 0, `chart ${id}: drawn`, info.marks);
    check(!!info.title, `chart ${id}: has a title`);
    if (id === "effect") {
      // easy runs after a session against Monday's: an estimate with its
      // interval drawn, as `carryover analyze --json` has it
      const iv = await fig.evaluate((f) => [...f.querySelectorAll("g.iv")].map((g) => g.querySelector("title").textContent));
      check(iv.length >= 1, "effect chart: an interval drawn", info.text.slice(0, 300));
      check(iv.some((t) => t.startsWith(`after any session, RPE: ${effect}`)), "effect chart: analyze's estimate", `${effect} | ${iv.join(" | ")}`);
    } else {
      check(info.titled >= 3, `chart ${id}: marks with hover titles`, info.titled);
      check(!/Nothing logged yet|No loaded|No threshold|No easy run/.test(info.text), `chart ${id}: has data`, info.text.slice(0, 120));
    }
  }
  const said = await page.locator("#findings li").count();
  check(said >= 10, "the findings in words", said);
  const rows = await page.locator("#sessions tbody tr").count();
  check(rows >= 2, "sessions of the next two weeks", rows);
  await page.screenshot({ path: join(artifactDir, "report.png"), fullPage: true });

  // a phone: no sideways scroll of the page itself (charts scroll in their figure)
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, "phone: the page does not scroll sideways", overflow);
  await page.screenshot({ path: join(artifactDir, "report-phone.png"), fullPage: false });

  // A4: charts are kept whole on a page
  await page.emulateMedia({ media: "print" });
  const breaks = await page.$$eval("figure.chart", (fs) => fs.map((f) => getComputedStyle(f).breakInside));
  check(breaks.length === 7 && breaks.every((b) => b === "avoid"), "print: charts not cut across pages", breaks.join(","));
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync(join(artifactDir, "report.pdf"), pdf);
  check(pdf.length > 10000, "print: an A4 PDF", pdf.length);

  check(errors.length === 0, "no console or page errors", errors.join(" | "));
  const foreign = requests.filter((u) => u !== url);
  check(foreign.length === 0, "no request but the file itself", foreign.join(" "));
} catch (e) {
  failed++;
  console.log(`FAIL ${e.stack || e}`);
} finally {
  if (browser) await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed (artifacts in ${artifactDir})`);
process.exit(failed ? 1 : 0);

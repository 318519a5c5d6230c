// Oracle test for the iCalendar writer: ical.js (Mozilla's parser, used by
// Thunderbird) reads what `carryover export ics` writes, and every session of
// `carryover plan --json` must be in it as the feed promises.
//
//   node tests/oracle/ics.test.mjs <carryover-binary> <source-dir>
//
// For examples/marathon.ini:
//   - ical.js parses the feed (VERSION, PRODID present);
//   - every session has exactly one event with its UID, on its date, with a
//     UTC DTSTAMP and the right SUMMARY;
//   - each DESCRIPTION, unescaped by ical.js, is the session card: every
//     item on a "- NAME: DOSE" line in block order, every why line, no
//     escape sequences left over;
//   - raw lines end in CRLF and are at most 75 octets, with no UTF-8
//     character split across a fold;
//   - a second run (another DTSTAMP) gives the same UIDs in the same order;
//   - timed events (--time 18:30 --tz Europe/London) carry TZID=Europe/London
//     and the feed's VTIMEZONE; read through that VTIMEZONE by ical.js, they
//     start at 18:30 London time on the session's date by Node's own
//     time-zone data, and last the session.
// Also: examples/marathon-plan.ics (the example runs feed) is valid for ical.js.
//
// Prints one line per failure and "N passed, M failed" last; exits 1 on any
// failure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const [bin, srcDir] = process.argv.slice(2);
if (!bin || !srcDir) {
  console.error("usage: node ics.test.mjs CARRYOVER_BINARY SOURCE_DIR");
  process.exit(2);
}
const src = resolve(srcDir);
const require = createRequire(join(src, "package.json"));
let ICAL;
try {
  ICAL = (await import(require.resolve("ical.js"))).default;
} catch {
  console.error("ics oracle: ical.js is not installed (run 'npm install' in the source directory)");
  process.exit(1);
}

let passed = 0, failed = 0;
function check(ok, name, detail) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
  }
  return ok;
}

const profile = join(src, "examples", "marathon.ini");
// A store of its own: the runner's real store (or another test's) is never read or written.
const storeDir = mkdtempSync(join(tmpdir(), "carryover-ics-oracle-"));
process.on("exit", () => rmSync(storeDir, { recursive: true, force: true }));
const env = { ...process.env, TZ: "UTC", LC_ALL: "C", CARRYOVER_TODAY: "2026-12-30",
  CARRYOVER_DB: join(storeDir, "carryover.db") };

function run(args, extraEnv = {}) {
  const r = spawnSync(bin, args, { env: { ...env, ...extraEnv }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

function parseFeed(buf, name) {
  try {
    return new ICAL.Component(ICAL.parse(buf.toString("utf8")));
  } catch (e) {
    check(false, `${name}: ical.js parses the feed`, String(e));
    return null;
  }
}

const TITLES = {
  posterior_chain: "Strength A — posterior chain",
  stability: "Strength B — stability",
  maintenance: "Strength — maintenance",
  recovery: "Mobility — recovery",
  test: "Strength — baseline tests",
};

// Raw octets: CRLF everywhere, <= 75 octets a line, folds never inside a character.
function checkRaw(buf, name) {
  const text = buf.toString("latin1"); // octet-exact
  check(text.endsWith("\r\n"), `${name}: ends with CRLF`);
  const lines = text.split("\r\n");
  lines.pop();
  let long = 0, bareLf = 0, split = 0;
  for (const l of lines) {
    if (l.length > 75) long++;
    if (l.includes("\n")) bareLf++;
    // a continuation line whose first octet after the space is a UTF-8 continuation byte
    if (l.startsWith(" ") && l.length > 1 && (l.charCodeAt(1) & 0xc0) === 0x80) split++;
    // a line ending in the lead byte of a multi-byte character
    const last = l.charCodeAt(l.length - 1);
    if (l.length && last >= 0xc0) split++;
  }
  check(long === 0, `${name}: no line longer than 75 octets`, `${long} lines`);
  check(bareLf === 0, `${name}: no bare LF`, `${bareLf} lines`);
  check(split === 0, `${name}: no UTF-8 character split by a fold`, `${split} folds`);
  // the folded text unfolds to valid UTF-8 (a split character would not survive the round trip)
  const unfolded = Buffer.from(text.replace(/\r\n[ \t]/g, ""), "latin1");
  check(Buffer.from(unfolded.toString("utf8"), "utf8").equals(unfolded), `${name}: unfolds to valid UTF-8`);
}

function allSessions(plan) {
  const out = [];
  for (const w of plan.weeks) for (const s of w.sessions) out.push(s);
  return out;
}

function checkDescription(desc, s, where) {
  const lines = desc.split("\n");
  check(lines[0].startsWith(TITLES[s.focus]), `${where}: card starts with the title`, lines[0]);
  check(!/\\[,;nN\\]/.test(desc), `${where}: no escape sequences left`, desc.slice(0, 80));
  let at = 0, inOrder = true, missing = [];
  for (const b of s.blocks) {
    for (const it of b.items) {
      const prefix = `- ${it.name}: `;
      const i = lines.findIndex((l, k) => k >= at && l.startsWith(prefix));
      if (i < 0) { missing.push(it.name); inOrder = false; continue; }
      at = i + 1;
      // the dose on that line agrees with the JSON
      const dose = it.reps !== null ? `${it.sets} × ${it.reps}` : it.seconds !== null ? `${it.sets} × ${it.seconds} s` : `${it.sets} set`;
      if (!lines[i].startsWith(prefix + dose)) missing.push(`${it.name} dose ${dose}`);
      if (it.load !== null && it.load > 0 && !lines[i].includes(`${it.load} kg`)) missing.push(`${it.name} load ${it.load}`);
    }
  }
  check(inOrder && missing.length === 0, `${where}: every item on its line, in order`, missing.join(", "));
  const whyMissing = s.why.filter((w) => !lines.includes(`- ${w}`));
  check(whyMissing.length === 0, `${where}: every why line`, whyMissing.join(" | "));
  if (s.strides) check(desc.includes(`Strides: ${s.strides.reps} × ${s.strides.seconds} s`), `${where}: strides`);
}

// ---- the plan and the feed ---------------------------------------------------
const planRun = run(["plan", profile, "--json"]);
if (!check(planRun.status === 0, "carryover plan --json exits 0", planRun.stderr.trim())) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}
const plan = JSON.parse(planRun.stdout.toString("utf8"));
const sessions = allSessions(plan);
check(sessions.length > 10, "the plan has sessions", String(sessions.length));
check(sessions.every((s) => typeof s.uid === "string" && s.uid.length > 0), "every session has a uid");

const first = run(["export", "ics", profile], { SOURCE_DATE_EPOCH: "1798761600" });
check(first.status === 0, "carryover export ics exits 0", first.stderr.trim());
checkRaw(first.stdout, "all-day feed");
const cal = parseFeed(first.stdout, "all-day feed");
if (cal) {
  check(cal.getFirstPropertyValue("version") === "2.0", "VERSION:2.0");
  check(!!cal.getFirstPropertyValue("prodid"), "PRODID present");
  check(!!cal.getFirstPropertyValue("x-wr-calname"), "X-WR-CALNAME present");
  const events = cal.getAllSubcomponents("vevent");
  const byUid = new Map();
  for (const ev of events) {
    const uid = ev.getFirstPropertyValue("uid");
    byUid.set(uid, (byUid.get(uid) || []).concat([ev]));
    const stamp = ev.getFirstPropertyValue("dtstamp");
    if (!check(stamp && stamp.zone === ICAL.Timezone.utcTimezone, `${uid}: DTSTAMP in UTC`)) continue;
    check(stamp.toString() === "2027-01-01T00:00:00Z", `${uid}: DTSTAMP from SOURCE_DATE_EPOCH`, stamp.toString());
  }
  for (const s of sessions) {
    const evs = byUid.get(s.uid) || [];
    if (!check(evs.length === 1, `${s.uid}: exactly one event`, String(evs.length))) continue;
    const ev = evs[0];
    const start = ev.getFirstPropertyValue("dtstart");
    check(start.isDate && start.toString() === s.date, `${s.uid}: all-day on ${s.date}`, start.toString());
    const end = ev.getFirstPropertyValue("dtend");
    check(end && end.isDate && end.compare(start) > 0, `${s.uid}: DTEND after DTSTART`);
    check(ev.getFirstPropertyValue("summary") === TITLES[s.focus], `${s.uid}: summary`, ev.getFirstPropertyValue("summary"));
    checkDescription(ev.getFirstPropertyValue("description") || "", s, s.uid);
  }
  const sessionUids = new Set(sessions.map((s) => s.uid));
  const tests = events.filter((e) => !sessionUids.has(e.getFirstPropertyValue("uid")));
  const planTests = plan.weeks.reduce((n, w) => n + w.tests.length, 0);
  check(tests.length === planTests, "one event per baseline test", `${tests.length} vs ${planTests}`);

  // a second run, at another time: the same UIDs, in the same order
  const second = run(["export", "ics", profile], { SOURCE_DATE_EPOCH: "1800000000" });
  const cal2 = parseFeed(second.stdout, "second run");
  if (cal2) {
    const u1 = events.map((e) => e.getFirstPropertyValue("uid"));
    const u2 = cal2.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("uid"));
    check(JSON.stringify(u1) === JSON.stringify(u2), "a second run keeps every UID");
    const stamp2 = cal2.getAllSubcomponents("vevent")[0].getFirstPropertyValue("dtstamp").toString();
    check(stamp2 !== "2027-01-01T00:00:00Z", "the second run has its own DTSTAMP", stamp2);
  }
}

// ---- timed events ------------------------------------------------------------
const timed = run(["export", "ics", profile, "--time", "18:30", "--tz", "Europe/London"],
  { SOURCE_DATE_EPOCH: "1798761600" });
check(timed.status === 0, "export ics --time --tz exits 0", timed.stderr.trim());
checkRaw(timed.stdout, "timed feed");
const tcal = parseFeed(timed.stdout, "timed feed");
if (tcal) {
  const vtz = tcal.getAllSubcomponents("vtimezone");
  check(vtz.length === 1 && vtz[0].getFirstPropertyValue("tzid") === "Europe/London",
    "the timed feed carries one VTIMEZONE, Europe/London", `${vtz.length} VTIMEZONEs`);
  for (const z of vtz) ICAL.TimezoneService.register(z);
  const fmt = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  const byUid = new Map(tcal.getAllSubcomponents("vevent").map((e) => [e.getFirstPropertyValue("uid"), e]));
  let wrong = [];
  for (const s of sessions) {
    const ev = byUid.get(s.uid);
    if (!ev) { wrong.push(`${s.uid} missing`); continue; }
    const start = ev.getFirstPropertyValue("dtstart");
    const end = ev.getFirstPropertyValue("dtend");
    if (start.isDate || !start.zone || start.zone.tzid !== "Europe/London") { wrong.push(`${s.uid} not in Europe/London`); continue; }
    const local = fmt.format(start.toJSDate()).replace(",", "");
    if (local !== `${s.date} 18:30`) wrong.push(`${s.uid}: ${local}`);
    const minutes = (end.toJSDate() - start.toJSDate()) / 60000;
    if (minutes !== s.minutes) wrong.push(`${s.uid}: ${minutes} min vs ${s.minutes}`);
  }
  check(wrong.length === 0, "timed events start at 18:30 London time and last the session", wrong.slice(0, 3).join("; "));
  check(tcal.getFirstPropertyValue("x-wr-timezone") === "Europe/London", "X-WR-TIMEZONE");
}

// ---- bad usage ---------------------------------------------------------------
const bad = run(["export", "ics", profile, "--time", "7pm"]);
check(bad.status === 2 && bad.stderr.includes("invalid start time '7pm'"), "a bad --time is exit 2 with a message", bad.stderr.trim());

// ---- the example runs feed is valid iCalendar ----------------------------------
const example = readFileSync(join(src, "examples", "marathon-plan.ics"));
checkRaw(example, "examples/marathon-plan.ics");
const ecal = parseFeed(example, "examples/marathon-plan.ics");
if (ecal) check(ecal.getAllSubcomponents("vevent").length >= 15, "examples/marathon-plan.ics has its events");

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

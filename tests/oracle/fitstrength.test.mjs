// Oracle test for strength sessions recorded by a watch (issue 10.8,
// IMPORTS.md section 4): Garmin's own JavaScript SDK (@garmin/fitsdk)
// writes watch-like strength activities (sport 10 / sub_sport 20, one
// `set` message per set and per rest), `carryover import` reads them, and
// `carryover history --json` must show each active set with the right
// exercise, reps, weight (kg) and duration, and no rest as a set.
//
//   node tests/oracle/fitstrength.test.mjs <carryover-binary> <source-dir>
//
// Cases, for the athlete of examples/marathon.ini (its plan has session A,
// posterior chain, on 2027-01-05):
//   1. a free session on a day with nothing planned: catalogue pairs map
//      to the catalogue's first exercise of the pair ((8, 23) is
//      dumbbell_romanian_deadlift); an unknown pair is an unmapped lift;
//      a timed set keeps its seconds; rests are not sets;
//   2. the same pair (8, 23) on 2027-01-05, where romanian_deadlift is
//      planned: the planned exercise;
//   3. the session followed the workout `carryover export fit` wrote for
//      2027-01-05: every set carries its workout step index and no
//      category (the watch did not guess), and maps to the planned item
//      of that step exactly, in plan order;
//   4. importing the files again adds nothing;
//   5. no activity row is stored for a strength session.
//
// Prints one line per failure and "N passed, M failed" last; exits 1 on
// any failure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { args, load, strengthActivity, tally } from "./common.mjs";

const [bin, srcDir] = args("fitstrength");
const sdk = await load(srcDir, "@garmin/fitsdk", "fitstrength");
const { Decoder, Stream } = sdk;

const work = mkdtempSync(join(tmpdir(), "co-fitstr-"));
const env = {
  ...process.env,
  CARRYOVER_DB: join(work, "carryover.db"),
  HOME: work,
  XDG_DATA_HOME: join(work, "xdg"),
  CARRYOVER_TODAY: "2027-01-06",
  TZ: "UTC",
};
const profile = join(resolve(srcDir), "examples", "marathon.ini");

const { check, done } = tally();
function run(args) {
  const r = spawnSync(bin, args, { encoding: "utf8", env, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`carryover ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// A watch-like strength activity (common.mjs).
function strengthFile(path, day, sets) {
  return strengthActivity(sdk, path, day, sets);
}

function sets(day) {
  return JSON.parse(run(["history", "--since", day, "--until", day, "--json"])).filter((e) => e.kind === "set");
}

const plan = JSON.parse(run(["plan", profile, "--json"]));
const sessionA = plan.weeks.flatMap((w) => w.sessions).find((s) => s.date === "2027-01-05");
check(sessionA && sessionA.blocks.some((b) => b.items.some((it) => it.exercise === "romanian_deadlift")),
  "plan: romanian_deadlift planned on 2027-01-05", JSON.stringify(sessionA?.date));

// 1. a free session on a day with nothing planned
const f1 = join(work, "free.fit");
const total = strengthFile(f1, "2027-01-06", [
  { cat: 28, sub: 6, reps: 5, kg: 100, duration: 35 },     // back_squat (its own pair)
  { cat: 28, sub: 6, reps: 5, kg: 102.5, duration: 36 },
  { cat: 8, sub: 23, reps: 8, kg: 40, duration: 42 },      // shared: the catalogue's first
  { cat: 99, sub: 99, reps: 12, kg: 20, duration: 30 },    // unknown to the catalogue
  { cat: 19, sub: 66, duration: 45 },                      // a timed side plank, no reps
]);
const out1 = run(["import", "--profile", profile, f1]);
check(/1 strength session from the watch logged \(5 sets/.test(out1), "import summary names the strength session", out1);
let got = sets("2027-01-06");
check(got.length === 5, "free session: 5 sets, rests left out", `${got.length}`);
const want1 = [
  ["back_squat", true, 1, 5, 100, 35], ["back_squat", true, 2, 5, 102.5, 36],
  ["dumbbell_romanian_deadlift", true, 1, 8, 40, 42], ["fit exercise 99/99", false, 1, 12, 20, 30],
  ["kneeling_side_plank", true, 1, null, null, 45],
];
want1.forEach(([ex, mapped, n, reps, kg, secs], i) => {
  const s = got[i] || {};
  check(s.exercise === ex && s.mapped === mapped && s.set === n && s.reps === reps &&
    s.load === kg && (kg === null || s.unit === "kg") && s.seconds === secs,
    `free session set ${i + 1}`, JSON.stringify(s));
});
const ses1 = JSON.parse(run(["history", "--since", "2027-01-06", "--until", "2027-01-06", "--json"])).filter((e) => e.kind === "session");
check(ses1.length === 1 && Math.abs(ses1[0].minutes - total / 60) < 0.01, "free session: one session with its minutes", JSON.stringify(ses1));

// 2. the shared pair on a day it is planned
const f2 = join(work, "planned.fit");
strengthFile(f2, "2027-01-05", [{ cat: 8, sub: 23, reps: 8, kg: 60 }]);
run(["import", f2]);
got = sets("2027-01-05");
check(got.length === 1 && got[0].exercise === "romanian_deadlift" && got[0].load === 60,
  "planned day: the planned exercise of a shared pair", JSON.stringify(got));

// 3. following the exported workout: steps map back to the plan's items
const exp = join(work, "export");
run(["export", "fit", profile, "--week", "2027-01-04", "-o", exp]);
const wf = readdirSync(exp).find((n) => n.startsWith("2027-01-05"));
const { messages } = new Decoder(Stream.fromByteArray(readFileSync(join(exp, wf)))).read({ convertTypesToStrings: false });
const steps = messages.workoutStepMesgs || [];
const wanted = sessionA.blocks.flatMap((b) => b.items.map((it) => it.exercise));
const followed = [];
steps.forEach((s, i) => {
  if (s.exerciseCategory === undefined) return; // rest and repeat steps
  followed.push({ step: i, reps: 10, kg: 30 });
});
check(followed.length === wanted.length, "export: one exercise step per planned item", `${followed.length} vs ${wanted.length}`);
rmSync(f2);
const f3 = join(work, "followed.fit");
strengthFile(f3, "2027-01-05", followed);
run(["import", f3]);
got = sets("2027-01-05").slice(1); // after case 2's set
check(got.length === wanted.length, "followed workout: a set per step", `${got.length} vs ${wanted.length}`);
wanted.forEach((ex, i) =>
  check(got[i] && got[i].exercise === ex && got[i].mapped && got[i].reps === 10,
    `followed workout step ${followed[i]?.step}: ${ex}`, JSON.stringify(got[i])));

// 4. re-import adds nothing
const before = run(["history", "--json"]);
const again = run(["import", "-v", f1, f3]);
check(run(["history", "--json"]) === before, "re-import adds nothing", again);
check(/already imported/.test(again), "re-import says already imported", again);

// 5. no activity row
const acts = JSON.parse(run(["activities", "--json"]));
check(acts.length === 0, "no activity row for a strength session", JSON.stringify(acts).slice(0, 200));

rmSync(work, { recursive: true, force: true });
done();

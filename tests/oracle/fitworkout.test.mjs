// Oracle test for the FIT workout exporter: every file `carryover export
// fit` writes is decoded by Garmin's own JavaScript SDK (@garmin/fitsdk)
// and compared with the plan it came from (`carryover plan --json`).
//
//   node tests/oracle/fitworkout.test.mjs <carryover-binary> <source-dir>
//
// Profiles: examples/marathon.ini (kg, loads), examples/lb.ini (pounds,
// converted to kg in the file) and examples/5k.ini (bodyweight only), every
// week of each season (CO_FIT_WEEKS=N: the first N), exported a week at a
// time. For every session:
//   - the SDK reads the file with its integrity check and no error;
//   - file_id is a workout (type 5) with a serial no other file has;
//   - workout is training (10) / strength training (20), num_valid_steps
//     is the number of steps, message_index runs 0..n-1;
//   - every item of every block appears in order as a step with the
//     catalogue's exercise_category and exercise_name, our name in
//     wkt_step_name, the block's intensity (warm-up 2, active 0 for the
//     test, main and accessory blocks, cool-down 3), reps (duration reps) or time (duration time, s) or, for a test to
//     failure, an open duration, the load in kg
//     (none for bodyweight) and the profile's display unit;
//   - an item of several sets is followed by a rest step (intensity 1,
//     time, no exercise category or name) and a repeat step back to the
//     exercise step with the number of sets; a lone step is one set;
//   - exercise_title messages name each pair once, with the name of the
//     steps that use it;
//   - exporting again gives the same bytes.
//
// Prints one line per failure and "N passed, M failed" last; exits 1 on
// any failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { args, load } from "./common.mjs";

const [bin, srcDir] = args("fitworkout");
const sdk = await load(srcDir, "@garmin/fitsdk", "fitworkout");
const { Decoder, Stream } = sdk;

const LB = 0.45359237;
const WEEKS = Number(process.env.CO_FIT_WEEKS || 1000); // whole seasons by default (~7 s)
const work = mkdtempSync(join(tmpdir(), "co-fitwkt-"));
const env = {
  ...process.env,
  CARRYOVER_DB: join(work, "carryover.db"),
  HOME: work,
  XDG_DATA_HOME: join(work, "xdg"),
  CARRYOVER_TODAY: "2027-01-06",
  TZ: "UTC",
};

let passed = 0, failed = 0;
function check(ok, name, detail) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
  }
}

function run(args) {
  const r = spawnSync(bin, args, { encoding: "utf8", env, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`carryover ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function sdkRead(bytes) {
  const dec = new Decoder(Stream.fromByteArray(bytes));
  const isFit = dec.isFIT();
  const integrity = isFit && dec.checkIntegrity();
  const { messages, errors } = new Decoder(Stream.fromByteArray(bytes)).read({
    applyScaleAndOffset: true,
    expandSubFields: true,
    convertTypesToStrings: false,
    convertDateTimesToDates: false,
  });
  return { isFit, integrity, messages, errors };
}

const catalogue = new Map(JSON.parse(run(["exercises", "--json"])).map((e) => [e.id, e]));
const near = (a, b) => typeof a === "number" && Math.abs(a - b) <= 0.005 + 1e-9;
const intensityOf = { warmup: 2, test: 0, main: 0, accessory: 0, cooldown: 3 };
const serials = new Map();
let files = 0, steps = 0, repeats = 0, titles = 0, weighted = 0, timed = 0;

function checkSession(tag, plan, session, path) {
  const bytes = readFileSync(path);
  const { isFit, integrity, messages, errors } = sdkRead(bytes);
  check(isFit && integrity, `${tag}: SDK integrity`, `isFIT ${isFit}, checkIntegrity ${integrity}`);
  check(errors.length === 0, `${tag}: SDK errors`, errors.map(String).join("; "));
  files++;

  const fid = (messages.fileIdMesgs || [])[0] || {};
  check(fid.type === 5, `${tag}: file_id.type`, `${fid.type}`);
  check(fid.serialNumber > 0, `${tag}: serial number`, `${fid.serialNumber}`);
  if (serials.has(fid.serialNumber))
    check(false, `${tag}: serial ${fid.serialNumber} unique`, `also ${serials.get(fid.serialNumber)}`);
  serials.set(fid.serialNumber, tag);

  const wk = (messages.workoutMesgs || [])[0] || {};
  const st = messages.workoutStepMesgs || [];
  check(wk.sport === 10 && wk.subSport === 20, `${tag}: sport/sub_sport`, `${wk.sport}/${wk.subSport}`);
  check(wk.numValidSteps === st.length, `${tag}: num_valid_steps`, `${wk.numValidSteps} vs ${st.length} steps`);
  check(typeof wk.wktName === "string" && wk.wktName.startsWith(session.date), `${tag}: wkt_name`, wk.wktName);
  st.forEach((s, i) => check(s.messageIndex === i, `${tag}: step ${i} message_index`, `${s.messageIndex}`));
  steps += st.length;

  const unit = plan.athlete.units === "lb" ? 2 : 1;
  const pairName = new Map();
  let p = 0;
  for (const block of session.blocks) {
    for (const it of block.items) {
      const t = `${tag} ${block.kind} '${it.exercise}' (step ${p})`;
      const ex = catalogue.get(it.exercise);
      const s = st[p];
      if (!s || !ex) {
        check(false, t, s ? "not in the catalogue" : "missing step");
        return;
      }
      check(s.exerciseCategory === ex.fit.category && s.exerciseName === ex.fit.name, `${t}: exercise`,
        `${s.exerciseCategory}/${s.exerciseName}, expected ${ex.fit.category}/${ex.fit.name}`);
      check(s.wktStepName === it.name, `${t}: wkt_step_name`, `'${s.wktStepName}'`);
      check(s.intensity === intensityOf[block.kind], `${t}: intensity`, `${s.intensity}`);
      if (it.reps !== null) {
        check(s.durationType === 29 && s.durationReps === it.reps, `${t}: reps`,
          `type ${s.durationType}, ${s.durationReps} reps, expected ${it.reps}`);
      } else if (it.seconds === null) {
        // a test to failure: neither reps nor time, the lap button ends it
        check(s.durationType === 5, `${t}: open duration`, `type ${s.durationType}`);
      } else {
        timed++;
        check(s.durationType === 0 && s.durationTime === it.seconds, `${t}: time`,
          `type ${s.durationType}, ${s.durationTime} s, expected ${it.seconds}`);
      }
      if (it.load === null) {
        check(s.exerciseWeight === undefined, `${t}: bodyweight has no weight`, `${s.exerciseWeight}`);
      } else {
        weighted++;
        const kg = unit === 2 ? it.load * LB : it.load;
        check(near(s.exerciseWeight, kg), `${t}: weight`, `${s.exerciseWeight} kg, expected ${kg}`);
      }
      check(s.weightDisplayUnit === unit, `${t}: weight_display_unit`, `${s.weightDisplayUnit}`);
      const key = `${s.exerciseCategory}/${s.exerciseName}`;
      if (!pairName.has(key)) pairName.set(key, new Set());
      pairName.get(key).add(s.wktStepName);
      if (it.sets > 1) {
        const rest = st[p + 1] || {}, rep = st[p + 2] || {};
        check(rest.intensity === 1 && rest.durationType === 0 && rest.durationTime > 0,
          `${t}: rest step`, JSON.stringify(rest));
        // the plan states each item's rest (B6): the watch counts down exactly that
        if (it.rest_s > 0)
          check(Math.abs(rest.durationTime - it.rest_s) < 0.001, `${t}: rest time`,
            `${rest.durationTime} s, expected rest_s ${it.rest_s}`);
        check(rest.exerciseCategory === undefined && rest.exerciseName === undefined,
          `${t}: rest step has no exercise`, `${rest.exerciseCategory}/${rest.exerciseName}`);
        check(rep.durationType === 6 && rep.durationStep === p && rep.repeatSteps === it.sets,
          `${t}: repeat step`, `type ${rep.durationType}, back to ${rep.durationStep}, ${rep.repeatSteps} sets, expected ${it.sets}`);
        check(rep.exerciseCategory === undefined, `${t}: repeat step has no exercise`, `${rep.exerciseCategory}`);
        repeats++;
        p += 3;
      } else {
        p += 1;
      }
    }
  }
  check(p === st.length, `${tag}: steps`, `${st.length} steps, the plan accounts for ${p}`);

  const seen = new Set();
  for (const tt of messages.exerciseTitleMesgs || []) {
    const key = `${tt.exerciseCategory}/${tt.exerciseName}`;
    check(!seen.has(key), `${tag}: one title for ${key}`);
    seen.add(key);
    const names = pairName.get(key);
    check(names && names.size === 1 && names.has(tt.wktStepName), `${tag}: title ${key}`,
      `'${tt.wktStepName}' for steps ${names ? [...names].join(", ") : "none"}`);
    titles++;
  }
  for (const [key, names] of pairName)
    if (names.size === 1)
      check(seen.has(key), `${tag}: title for ${key} (${[...names][0]})`);
}

try {
  for (const name of ["marathon", "lb", "5k"]) {
    const profile = join(resolve(srcDir), "examples", `${name}.ini`);
    const plan = JSON.parse(run(["plan", profile, "--json"]));
    for (const week of plan.weeks.slice(0, WEEKS)) {
      const dir = join(work, name, week.start);
      const again = join(work, name, week.start + "-again");
      run(["export", "fit", profile, "--week", week.start, "-o", dir]);
      run(["export", "fit", profile, "--week", week.start, "-o", again]);
      const written = existsSync(dir) ? readdirSync(dir).sort() : [];
      const expected = week.sessions.map((s) => `${s.date}-${s.focus}.fit`).sort();
      check(JSON.stringify(written) === JSON.stringify(expected), `${name} ${week.start}: files`,
        `${written.join(" ")} (expected ${expected.join(" ")})`);
      for (const session of week.sessions) {
        const file = `${session.date}-${session.focus}.fit`;
        if (!existsSync(join(dir, file))) continue;
        checkSession(`${name} ${file}`, plan, session, join(dir, file));
        check(readFileSync(join(dir, file)).equals(readFileSync(join(again, file))),
          `${name} ${file}: the same bytes again`);
      }
    }
  }
  check(files >= 10 && repeats > 0 && weighted > 0 && timed > 0 && titles > 0, "coverage",
    `${files} files, ${steps} steps, ${repeats} repeat blocks, ${weighted} loads, ${timed} timed, ${titles} titles`);
  console.log(`checked ${files} files, ${steps} steps, ${repeats} repeat blocks, ${weighted} loads, ${timed} timed steps, ${titles} titles`);
} catch (e) {
  check(false, "run", e.message);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

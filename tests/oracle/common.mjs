// What the oracle tests share (not a test itself: ctest runs *.test.mjs):
// their arguments, loading an npm package from the source folder, the
// pass/fail tally, and a watch-like strength activity written with
// Garmin's own SDK (IMPORTS.md section 4: one `set` message per set and
// per rest, lap and session of sport training / sub-sport strength).
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

// [binary, source dir] from the command line, or the usage line and exit 2.
export function args(name) {
  const [bin, srcDir] = process.argv.slice(2);
  if (!bin || !srcDir) {
    console.error(`usage: node ${name}.test.mjs CARRYOVER_BINARY SOURCE_DIR`);
    process.exit(2);
  }
  return [bin, srcDir];
}

// An npm package installed in the source folder; a missing one fails the
// test (exit 1) with the way to install it.
export async function load(srcDir, pkg, name) {
  const require = createRequire(join(resolve(srcDir), "package.json"));
  try {
    return await import(require.resolve(pkg));
  } catch {
    console.error(`${name} oracle: ${pkg} is not installed (run 'npm install' in the source directory)`);
    process.exit(1);
  }
}

// check(ok, name, detail) counts; done() prints "N passed, M failed" and exits.
export function tally() {
  let passed = 0, failed = 0;
  return {
    check(ok, name, detail) {
      if (ok) passed++;
      else {
        failed++;
        console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
      }
    },
    done() {
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}

// A strength activity on `day` (17:00 UTC) of `sets`, each
// {reps?, kg?, duration? (s, default 40), cat?, sub?, step?}: heart-rate
// records, the set (type 1) with its category or its workout step index,
// then 90 s of rest (a set of type 0, never a set of the log). Returns the
// elapsed seconds.
export function strengthActivity(sdk, path, day, sets, { serial = 12345, heartRate = 120 } = {}) {
  const { Encoder, Profile } = sdk;
  const t0 = Date.parse(`${day}T17:00:00Z`) / 1000;
  const at = (s) => new Date(s * 1000);
  const enc = new Encoder();
  enc.onMesg(Profile.MesgNum.FILE_ID, { type: 4, manufacturer: 1, product: 3113, serialNumber: serial, timeCreated: at(t0) });
  let t = t0, i = 0;
  for (const s of sets) {
    const dur = s.duration ?? 40;
    for (let k = 0; k < dur; k += 5) enc.onMesg(Profile.MesgNum.RECORD, { timestamp: at(t + k), heartRate });
    const m = { timestamp: at(t + dur), startTime: at(t), duration: dur, setType: 1, messageIndex: i++, weightDisplayUnit: 1 };
    if (s.reps !== undefined) m.repetitions = s.reps;
    if (s.kg !== undefined) m.weight = s.kg;
    if (s.cat !== undefined) { m.category = [s.cat]; m.categorySubtype = [s.sub]; }
    if (s.step !== undefined) m.wktStepIndex = s.step;
    enc.onMesg(Profile.MesgNum.SET, m);
    t += dur;
    enc.onMesg(Profile.MesgNum.SET, { timestamp: at(t + 90), startTime: at(t), duration: 90, setType: 0, messageIndex: i++ });
    t += 90;
  }
  const total = t - t0;
  enc.onMesg(Profile.MesgNum.LAP, { timestamp: at(t), startTime: at(t0), totalElapsedTime: total, totalTimerTime: total, sport: 10, subSport: 20 });
  enc.onMesg(Profile.MesgNum.SESSION, { timestamp: at(t), startTime: at(t0), totalElapsedTime: total, totalTimerTime: total, sport: 10, subSport: 20 });
  enc.onMesg(Profile.MesgNum.ACTIVITY, { timestamp: at(t), localTimestamp: t + 3600 - Date.UTC(1989, 11, 31) / 1000, numSessions: 1, totalTimerTime: total });
  writeFileSync(path, enc.close());
  return total;
}

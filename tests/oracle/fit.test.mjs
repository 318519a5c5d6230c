// Oracle test for the FIT decoder: Garmin's own JavaScript SDK
// (@garmin/fitsdk) against `carryover debug fit-dump`.
//
//   node tests/oracle/fit.test.mjs <carryover-binary> <source-dir>
//
// 1. Every file of the corpus ($CO_CORPUS, else <source>/../shared/corpus)
//    is decoded by both. Where the SDK decodes cleanly, every record's
//    timestamp, distance, speed, altitude, heart rate, cadence and position
//    and every session's totals must agree. Where the SDK rejects a file,
//    ours must reject it too, with a reason. For the five files the SDK
//    gets wrong (FORMATS.md 1.2) we assert what we do instead.
// 2. Seeded round trip: the SDK's Encoder writes random activity files,
//    ours must decode exactly the values written.
//
// Prints one line per failure and "N passed, M failed" last; exits 1 on
// any failure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { args, load } from "./common.mjs";

const [bin, srcDir] = args("fit");
const sdk = await load(srcDir, "@garmin/fitsdk", "fit");
const { Decoder, Encoder, Stream, Profile } = sdk;

const corpus = process.env.CO_CORPUS || join(resolve(srcDir), "..", "shared", "corpus");
const FIT_EPOCH = 631065600;
const SEMI = 180 / 2147483648;

let passed = 0, failed = 0;
function check(ok, name, detail) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
  }
}

function dump(file, extra = []) {
  const r = spawnSync(bin, ["debug", "fit-dump", ...extra, file], { encoding: "utf8", maxBuffer: 1 << 30 });
  const lines = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  return {
    status: r.status,
    stderr: r.stderr.trim(),
    records: lines.filter((l) => l.type === "record"),
    sessions: lines.filter((l) => l.type === "session"),
    activities: lines.filter((l) => l.type === "activity"),
    skipped: lines.filter((l) => l.type === "skipped"),
  };
}

function sdkDecode(bytes) {
  const stream = Stream.fromByteArray(bytes);
  const dec = new Decoder(stream);
  if (!dec.isFIT()) return { ok: false, errors: ["not FIT"], messages: {} };
  const integrity = dec.checkIntegrity();
  const { messages, errors } = new Decoder(Stream.fromByteArray(bytes)).read({
    applyScaleAndOffset: true,
    expandComponents: true,
    expandSubFields: true,
    convertTypesToStrings: false,
    convertDateTimesToDates: false,
    mergeHeartRates: false,
  });
  return { ok: integrity && errors.length === 0, errors, messages };
}

const first = (v) => (Array.isArray(v) ? v[0] : v);
const num = (v) => {
  v = first(v);
  return v === undefined || v === null || Number.isNaN(v) ? null : v;
};
function same(a, b) {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

// What the SDK's record/session message should look like in our dump.
function sdkRecord(r) {
  const lat = num(r.positionLat), lon = num(r.positionLong);
  return {
    timestamp: num(r.timestamp) === null ? null : r.timestamp + FIT_EPOCH,
    distance: num(r.distance),
    speed: num(r.enhancedSpeed) ?? num(r.speed),
    altitude: num(r.enhancedAltitude) ?? num(r.altitude),
    heart_rate: num(r.heartRate),
    cadence: num(r.cadence),
    fractional_cadence: num(r.fractionalCadence),
    lat: lat !== null && lon !== null ? lat * SEMI : null,
    lon: lat !== null && lon !== null ? lon * SEMI : null,
  };
}
function sdkSession(s) {
  return {
    total_elapsed_time: num(s.totalElapsedTime),
    total_timer_time: num(s.totalTimerTime),
    total_distance: num(s.totalDistance),
    avg_heart_rate: num(s.avgHeartRate),
    max_heart_rate: num(s.maxHeartRate),
  };
}

// Compare SDK messages with ours, one check per message list.
function compareList(name, kind, theirs, ours, map) {
  if (theirs.length !== ours.length) {
    check(false, `${name} ${kind}s`, `SDK ${theirs.length}, ours ${ours.length}`);
    return;
  }
  for (let i = 0; i < theirs.length; i++) {
    const want = map(theirs[i]);
    for (const [k, v] of Object.entries(want)) {
      if (!same(v, ours[i][k])) {
        check(false, `${name} ${kind} ${i} ${k}`, `SDK ${v}, ours ${ours[i][k]}`);
        return;
      }
    }
  }
  check(true);
}

// --- 1. the corpus ----------------------------------------------------------
const SDK_AT_FAULT = {
  "fitparse__antfs-dump.63.fit": "compressed",
  "fitparse__compressed-speed-distance.fit": "compressed",
  "muktihari__from_garmin_forums-triathlon_summary_first.fit": "triathlon",
  "muktihari__from_garmin_forums-triathlon_summary_last.fit": "triathlon",
  "fitparse__strava-android-app-201.10-b1218918.fit": "truncated",
};
const REASON = /crc|truncated|not a fit file|empty file|past the end|no definition/i;

const fitDir = join(corpus, "fit");
const files = [
  ...readdirSync(fitDir).filter((f) => f.toLowerCase().endsWith(".fit")).map((f) => [f, join(fitDir, f)]),
  ...readdirSync(join(fitDir, "invalid")).map((f) => [`invalid/${f}`, join(fitDir, "invalid", f)]),
];
check(files.length >= 130, "corpus", `only ${files.length} FIT files under ${fitDir}`);

for (const [name, path] of files) {
  const bytes = readFileSync(path);
  const theirs = sdkDecode(bytes);
  const ours = dump(path);
  const fault = SDK_AT_FAULT[name.replace(/^.*\//, "")];

  if (fault === "compressed") {
    // The SDK stops at the first compressed-timestamp header; we decode
    // the whole file. Every record must have a time, times never go back,
    // and the records the SDK read before it stopped must agree with ours.
    check(ours.status === 0, `${name} decodes`, ours.stderr);
    check(ours.records.length > (theirs.messages.recordMesgs?.length ?? 0), `${name} more records than the SDK`);
    check(ours.records.every((r, i) => r.timestamp !== null && (i === 0 || r.timestamp >= ours.records[i - 1].timestamp)),
      `${name} record times present and monotonic`);
    check(ours.activities.length === 1 && ours.activities[0].samples > 0, `${name} one activity with samples`);
    continue;
  }
  if (fault === "triathlon") {
    // The SDK throws in its accumulator; we report one activity per
    // session (swim, transition, bike, transition, run).
    check(ours.status === 0, `${name} decodes`, ours.stderr);
    check(ours.sessions.length >= 3 && ours.activities.length === ours.sessions.length,
      `${name} one activity per session`, `${ours.sessions.length} sessions, ${ours.activities.length} activities`);
    const sports = new Set(ours.activities.map((a) => a.sport));
    check(sports.has("running") && sports.has("cycling") && sports.has("swimming"), `${name} sports`, [...sports].join(","));
    continue;
  }
  if (fault === "truncated") {
    // Strict: rejected as truncated. --salvage: the records before the cut,
    // as many as the SDK read before it failed, and an activity marked
    // truncated.
    check(ours.status === 2 && /truncated/.test(ours.stderr), `${name} rejected as truncated`, ours.stderr);
    const salv = dump(path, ["--salvage"]);
    check(salv.status === 0 && salv.activities.length === 1 && salv.activities[0].truncated === true,
      `${name} salvaged`, salv.stderr);
    const sdkRecs = theirs.messages.recordMesgs ?? [];
    check(salv.records.length >= 470, `${name} salvaged records`, `${salv.records.length}`);
    compareList(name, "salvaged record", sdkRecs, salv.records.slice(0, sdkRecs.length), sdkRecord);
    continue;
  }
  if (!theirs.ok) {
    check(ours.status === 2 && REASON.test(ours.stderr), `${name} rejected like the SDK`,
      `ours: status ${ours.status} '${ours.stderr}'; SDK: ${theirs.errors[0] ?? "integrity"}`);
    continue;
  }
  check(ours.status === 0, `${name} decodes`, ours.stderr);
  compareList(name, "record", theirs.messages.recordMesgs ?? [], ours.records, sdkRecord);
  compareList(name, "session", theirs.messages.sessionMesgs ?? [], ours.sessions, sdkSession);
  const type = first(theirs.messages.fileIdMesgs?.[0]?.type);
  if (type !== undefined && type !== 4)
    check(ours.skipped.length === 1 && ours.activities.length === 0 && /not an activity/.test(ours.skipped[0].reason),
      `${name} skipped as non-activity`, JSON.stringify(ours.skipped));
}

// --- 2. seeded round trip -------------------------------------------------------
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const seed = Number(process.env.CO_SEED ?? 20270104);
const rnd = mulberry32(seed);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const tmp = mkdtempSync(join(tmpdir(), "co-fit-"));
const toDate = (fit) => new Date((fit + FIT_EPOCH) * 1000);

for (let n = 0; n < 25; n++) {
  const enc = new Encoder();
  const t0 = int(900000000, 1100000000);
  const enhanced = rnd() < 0.5;
  enc.onMesg(Profile.MesgNum.FILE_ID, { type: 4, manufacturer: 255, product: int(0, 65000), serialNumber: int(1, 2 ** 31), timeCreated: toDate(t0) });
  const want = [];
  let t = t0, dist = 0;
  const count = int(1, 800);
  for (let i = 0; i < count; i++) {
    t += int(1, 3);
    dist += int(0, 600);
    const rec = { timestamp: toDate(t) };
    const w = { timestamp: t + FIT_EPOCH, distance: null, speed: null, heart_rate: null, cadence: null, lat: null, lon: null };
    if (rnd() < 0.9) { rec.distance = dist / 100; w.distance = dist / 100; }
    if (rnd() < 0.9) {
      const sp = int(0, 9000);
      if (enhanced) rec.enhancedSpeed = sp / 1000; else rec.speed = sp / 1000;
      w.speed = sp / 1000;
    }
    if (rnd() < 0.8) { rec.heartRate = int(40, 220); w.heart_rate = rec.heartRate; }
    if (rnd() < 0.8) { rec.cadence = int(0, 254); w.cadence = rec.cadence; }
    if (rnd() < 0.7) {
      rec.positionLat = int(-(2 ** 30), 2 ** 30);
      rec.positionLong = int(-(2 ** 31) + 1, 2 ** 31 - 2);
      w.lat = rec.positionLat * SEMI;
      w.lon = rec.positionLong * SEMI;
    }
    enc.onMesg(Profile.MesgNum.RECORD, rec);
    want.push(w);
  }
  const elapsed = int(1, 10 ** 7), timer = int(1, 10 ** 7), tdist = int(0, 10 ** 8);
  const avgHr = int(60, 200), maxHr = int(avgHr, 250);
  enc.onMesg(Profile.MesgNum.SESSION, {
    timestamp: toDate(t), startTime: toDate(t0 + 1), sport: 1, subSport: 0,
    totalElapsedTime: elapsed / 1000, totalTimerTime: timer / 1000, totalDistance: tdist / 100,
    avgHeartRate: avgHr, maxHeartRate: maxHr,
  });
  enc.onMesg(Profile.MesgNum.ACTIVITY, { timestamp: toDate(t), localTimestamp: t + 3600, numSessions: 1, totalTimerTime: timer / 1000 });
  const file = join(tmp, `rt${n}.fit`);
  writeFileSync(file, enc.close());
  const ours = dump(file);
  check(ours.status === 0, `round trip ${n} (seed ${seed}) decodes`, ours.stderr);
  if (ours.status !== 0) continue;
  compareList(`round trip ${n} (seed ${seed})`, "record", want, ours.records, (w) => w);
  const s = ours.sessions[0] ?? {};
  check(ours.sessions.length === 1 && s.total_elapsed_time === elapsed / 1000 && s.total_timer_time === timer / 1000 &&
    s.total_distance === tdist / 100 && s.avg_heart_rate === avgHr && s.max_heart_rate === maxHr,
    `round trip ${n} session`, JSON.stringify(s));
  const a = ours.activities[0] ?? {};
  check(ours.activities.length === 1 && a.sport === "running" && a.start === t0 + 1 + FIT_EPOCH &&
    a.utc_offset === 3600 && a.distance === tdist / 100 && a.device.startsWith("development"),
    `round trip ${n} activity`, JSON.stringify(a));
}
rmSync(tmp, { recursive: true, force: true });

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

// fitsdk_decode: throughput of Garmin's JavaScript FIT SDK (@garmin/fitsdk)
// in its fastest mode, the peer of bench/fit_decode.c in bench/run.sh.
//
//   node bench/fitsdk_decode.mjs [-n PASSES] PATH...
//   node bench/fitsdk_decode.mjs --list-clean PATH...
//
// PATHs are FIT files or folders (their *.fit files, not sub-folders), in
// name order, as fit_decode takes them. Each pass reads every file (not
// timed) and times `new Decoder(stream).read(opts)` alone, with every
// conversion off (FORMATS.md 1.3 "--raw"). read() checks each chained
// file's CRC as it goes, as ours does. Prints the best pass as
//   mode=sdk files=N bytes=B passes=P best_s=S mbps=M cpu_mbps=C mesgs=K ...
// MB are 10^6 bytes. cpu_mbps is over the process's CPU time (user +
// system, process.cpuUsage(): the JIT and GC threads count) of the best
// pass by CPU time, the counterpart of fit_decode's. Files the SDK fails on count with all their bytes
// (it stops early on them, so this flatters the SDK a little).
//
// --list-clean prints the names of the files the SDK decodes without error,
// one a line: bench/run.sh builds the synthetic set from those only, so
// both decoders read all of it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const OPTS = {
  applyScaleAndOffset: false,
  expandSubFields: false,
  expandComponents: false,
  convertTypesToStrings: false,
  convertDateTimesToDates: false,
  includeUnknownData: false,
  mergeHeartRates: false,
};

let passes = 3, listClean = false;
const paths = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "-n") passes = Number(args[++i]);
  else if (args[i] === "--list-clean") listClean = true;
  else paths.push(args[i]);
}
if (!paths.length || !(passes >= 1)) {
  console.error("usage: node fitsdk_decode.mjs [-n PASSES] PATH...");
  process.exit(2);
}

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(srcDir, "package.json"));
let sdk;
try {
  sdk = await import(require.resolve("@garmin/fitsdk"));
} catch {
  console.error("fitsdk_decode: @garmin/fitsdk is not installed (run 'npm ci' in the source directory)");
  process.exit(1);
}
const { Decoder, Stream } = sdk;

const files = [];
for (const p of paths) {
  if (statSync(p).isDirectory()) {
    const names = readdirSync(p)
      .filter((n) => n.toLowerCase().endsWith(".fit"))
      .map((n) => join(p, n))
      .filter((f) => statSync(f).isFile());
    // Byte order, as the C side's strcmp sorts.
    names.sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
    files.push(...names);
  } else files.push(p);
}

if (listClean) {
  for (const f of files) {
    const { errors } = new Decoder(Stream.fromBuffer(readFileSync(f))).read(OPTS);
    if (!errors.length) console.log(basename(f));
  }
  process.exit(0);
}

let best = null, bestCpu = Infinity;
for (let p = 0; p < passes; p++) {
  let secs = 0, cpu = 0, bytes = 0, mesgs = 0, records = 0, failed = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    const stream = Stream.fromBuffer(buf);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const { messages, errors } = new Decoder(stream).read(OPTS);
    secs += Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1e6;
    bytes += buf.length;
    if (errors.length) failed++;
    for (const k in messages) mesgs += messages[k].length;
    records += messages.recordMesgs ? messages.recordMesgs.length : 0;
  }
  if (!best || secs < best.secs) best = { secs, bytes, mesgs, records, failed };
  bestCpu = Math.min(bestCpu, cpu);
}
console.log(
  `mode=sdk files=${files.length} bytes=${best.bytes} passes=${passes} ` +
    `best_s=${best.secs.toFixed(6)} mbps=${(best.bytes / best.secs / 1e6).toFixed(1)} ` +
    `cpu_mbps=${(best.bytes / bestCpu / 1e6).toFixed(1)} ` +
    `mesgs=${best.mesgs} records=${best.records} failed=${best.failed}`
);

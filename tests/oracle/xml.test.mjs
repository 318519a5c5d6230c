// Oracle test for the GPX and TCX readers.
//
//   node tests/oracle/xml.test.mjs CARRYOVER_BINARY SOURCE_DIR
//
// Every corpus GPX/TCX file is summarised twice: by `carryover debug
// xml-summary` (the C reader, streaming through expat) and here, from a DOM
// built by @xmldom/xmldom with a small summariser written from the format
// notes (docs/formats/gpx-tcx.md), sharing no code with the C side. Compared
// per activity: point count, start and end time, total distance, mean heart
// rate; and files the C reader skips must have no recorded activity here.
// Prints "N passed, M failed" last; exits 1 on any failure.

import { DOMParser } from '@xmldom/xmldom';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [bin, srcDir] = process.argv.slice(2);
if (!bin || !srcDir) {
  console.error('usage: node xml.test.mjs CARRYOVER_BINARY SOURCE_DIR');
  process.exit(2);
}
const corpus = process.env.CO_CORPUS || path.join(srcDir, '..', 'shared', 'corpus');

// ---- the independent summariser ------------------------------------------

const SPLIT_GAP_MS = 3600 * 1000; // GPX tracks further apart: new activity
const MOVING = 0.5;               // m/s
const JITTER = 5;                 // m: a slower, shorter step is noise
const R = 6371000;

function haversine(a, b) {
  const rad = Math.PI / 180;
  const dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
  const h = Math.sin(dlat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dlon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(Math.min(1, h)));
}

// xsd:dateTime -> ms since 1970 UTC, or null. Written out rather than
// Date.parse, which accepts far more than the schema does.
function parseTime(text) {
  const m = /^\s*(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:[.,](\d+))?(Z|z|[+-]\d\d(?::?\d\d)?)?\s*$/.exec(text ?? '');
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map(i => Number(m[i]));
  let s = Number(m[6]);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return null;
  if (s === 60) s = 59;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  const ms = m[7] ? Math.floor(Number('0.' + m[7]) * 1000 + 1e-9) : 0;
  let off = 0;
  if (m[8] && m[8] !== 'Z' && m[8] !== 'z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const digits = m[8].slice(1).replace(':', '');
    off = sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2) || 0) * 60);
  }
  const t = Date.UTC(y, mo - 1, d, h, mi, s) + ms - off * 1000;
  // before GPS (1980) or after 2100: a device's "no time" filler
  return t >= Date.UTC(1980, 0, 1) && t < Date.UTC(2100, 0, 1) ? t : null;
}

function num(text) {
  if (text == null) return NaN;
  const t = String(text).trim();
  if (t === '') return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

const kids = (el, name) => Array.from(el.childNodes ?? []).filter(n => n.nodeType === 1 && n.localName === name);
const kid = (el, name) => kids(el, name)[0];
const text = el => el ? el.textContent : null;
function descendants(el, names, out = []) {
  for (const n of Array.from(el.childNodes ?? [])) {
    if (n.nodeType !== 1) continue;
    if (names.includes(n.localName)) out.push(n);
    descendants(n, names, out);
  }
  return out;
}

// One accumulating activity: points arrive in segments.
class Acc {
  constructor() {
    this.points = 0; this.hr = []; this.times = []; this.path = 0;
    this.fileDist = null; this.startMs = null; this.lapDist = 0; this.lapDistOk = true;
    this.laps = 0; this.lapEndMs = null; this.positioned = 0;
  }
  segment(pts) {
    let prevPos = null, prevT = null, pending = 0, started = false;
    for (const p of pts) {
      this.points++;
      if (p.hr >= 1 && p.hr < 256) this.hr.push(Math.round(p.hr));
      if (p.dist >= 0 && (this.fileDist === null || p.dist > this.fileDist)) this.fileDist = p.dist;
      const pos = Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 &&
        Math.abs(p.lon) <= 180 && !(p.lat === 0 && p.lon === 0);
      if (pos) {
        this.positioned++;
        if (prevPos) pending += haversine(prevPos, p);
        prevPos = p;
      }
      if (p.t !== null) {
        if (!started || p.t > prevT) {
          if (started) {
            const dt = (p.t - prevT) / 1000;
            if (pending >= JITTER || pending / dt >= MOVING) this.path += pending;
          } else {
            this.path += pending;
          }
          pending = 0; started = true; prevT = p.t;
        }
        this.times.push(p.t);
        if (this.startMs === null) this.startMs = p.t;
      }
    }
    this.path += pending;
  }
  summary(kind) {
    if (!this.points && !this.laps) return { skipped: 'no points' };
    if (this.startMs === null) return { skipped: 'no times' };
    let end = this.times.length ? Math.max(...this.times) : this.startMs;
    if (this.lapEndMs !== null && this.lapEndMs > end) end = this.lapEndMs;
    if (end <= this.startMs) return { skipped: 'single instant' };
    let distance = null;
    if (kind === 'tcx' && this.laps && this.lapDistOk && this.lapDist > 0) distance = this.lapDist;
    else if (this.fileDist !== null) distance = this.fileDist;
    else if (this.positioned) distance = this.path;
    return {
      points: this.points, startMs: this.startMs, endMs: end, distance,
      hrMean: this.hr.length ? this.hr.reduce((a, b) => a + b, 0) / this.hr.length : null,
    };
  }
}

function gpxSummaries(root) {
  const out = [];
  let acc = new Acc(), last = null;
  const trks = kids(root, 'trk');
  for (const trk of trks) {
    const segs = kids(trk, 'trkseg').map(seg => kids(seg, 'trkpt').map(pt => {
      const ext = kid(pt, 'extensions');
      const hrEl = ext ? descendants(ext, ['hr', 'heartrate'])[0] : null;
      return {
        lat: num(pt.getAttribute('lat')), lon: num(pt.getAttribute('lon')),
        t: parseTime(text(kid(pt, 'time'))), hr: num(text(hrEl)), dist: NaN,
      };
    }));
    const first = segs.flat().find(p => p.t !== null);
    if (first && last !== null && first.t - last > SPLIT_GAP_MS) {
      out.push(acc.summary('gpx'));
      acc = new Acc();
    }
    for (const seg of segs) acc.segment(seg);
    const ts = acc.times;
    if (ts.length) last = Math.max(...ts);
  }
  out.push(acc.summary('gpx'));
  const ok = out.filter(s => !s.skipped);
  return ok.length ? ok : [{ skipped: trks.length ? out[0].skipped : 'no track' }];
}

function tcxSummaries(root) {
  const out = [];
  const activities = kid(root, 'Activities');
  const list = activities ? descendants(activities, ['Activity']) : [];
  for (const act of list) {
    const acc = new Acc();
    const laps = kids(act, 'Lap');
    for (const lap of laps) {
      acc.laps++;
      const st = parseTime(lap.getAttribute('StartTime'));
      if (st !== null && acc.startMs === null) acc.startMs = st;
      const total = num(text(kid(lap, 'TotalTimeSeconds')));
      const dist = num(text(kid(lap, 'DistanceMeters')));
      if (dist >= 0) acc.lapDist += dist; else acc.lapDistOk = false;
      if (st !== null && total >= 0) {
        const e = st + Math.round(total * 1000);
        if (acc.lapEndMs === null || e > acc.lapEndMs) acc.lapEndMs = e;
      }
      for (const track of kids(lap, 'Track')) {
        acc.segment(kids(track, 'Trackpoint').map(tp => {
          const pos = kid(tp, 'Position');
          const hr = kid(tp, 'HeartRateBpm');
          return {
            t: parseTime(text(kid(tp, 'Time'))),
            lat: pos ? num(text(kid(pos, 'LatitudeDegrees'))) : NaN,
            lon: pos ? num(text(kid(pos, 'LongitudeDegrees'))) : NaN,
            dist: num(text(kid(tp, 'DistanceMeters'))),
            hr: hr ? num(text(kid(hr, 'Value'))) : NaN,
          };
        }));
      }
    }
    if (acc.startMs === null) {
      const id = parseTime(text(kid(act, 'Id')));
      if (id !== null) acc.startMs = id;
    }
    out.push(acc.summary('tcx'));
  }
  const ok = out.filter(s => !s.skipped);
  if (ok.length) return ok;
  if (!list.length) return [{ skipped: kid(root, 'Courses') ? 'course' : 'no activity' }];
  return [out[0]];
}

function summarise(file) {
  let xml = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/^\s+/, '');
  const errors = [];
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } })
    .parseFromString(xml, 'text/xml');
  if (errors.length) throw new Error(`${file}: ${errors[0]}`);
  const root = doc.documentElement;
  if (root.localName === 'gpx') return gpxSummaries(root);
  if (root.localName === 'TrainingCenterDatabase') return tcxSummaries(root);
  throw new Error(`${file}: root ${root.localName}`);
}

// ---- ours -----------------------------------------------------------------

function ours(files) {
  let stdout;
  try {
    stdout = execFileSync(bin, ['debug', 'xml-summary', ...files],
      { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`'${bin} debug xml-summary' failed (exit ${e.status}): ${(e.stderr || e.message).trim()}`);
  }
  const byFile = new Map();
  for (const line of stdout.split('\n').filter(Boolean)) {
    const j = JSON.parse(line);
    if (!byFile.has(j.file)) byFile.set(j.file, []);
    byFile.get(j.file).push(j);
  }
  return byFile;
}

// ---- compare --------------------------------------------------------------

const files = ['gpx', 'tcx'].flatMap(d => {
  const dir = path.join(corpus, d);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => f.endsWith('.' + d)).sort()
    .map(f => path.join(dir, f)) : [];
});
let passed = 0, failed = 0;
const fail = (file, why) => { failed++; console.log(`FAIL ${path.basename(file)}: ${why}`); };

if (!files.length) {
  console.log(`no GPX/TCX files under ${corpus}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let mine;
try {
  mine = ours(files);
} catch (e) {
  console.log(e.message);
  console.log(`0 passed, ${files.length} failed`);
  process.exit(1);
}

for (const file of files) {
  let theirs;
  try {
    theirs = summarise(file);
  } catch (e) {
    fail(file, `oracle could not read it: ${e.message}`);
    continue;
  }
  const ourList = mine.get(file) || [];
  const problems = [];
  if (theirs[0].skipped || ourList[0]?.skipped) {
    if (!(theirs[0].skipped && ourList[0]?.skipped))
      problems.push(`skipped: oracle ${theirs[0].skipped ?? 'no'}, ours ${ourList[0]?.skipped ?? 'no'}`);
  } else if (theirs.length !== ourList.length) {
    problems.push(`activities: oracle ${theirs.length}, ours ${ourList.length}`);
  } else {
    theirs.forEach((t, i) => {
      const o = ourList[i];
      const at = theirs.length > 1 ? `#${i} ` : '';
      if (t.points !== o.points) problems.push(`${at}points ${o.points} != ${t.points}`);
      if (Math.floor(t.startMs / 1000) !== o.start_unix)
        problems.push(`${at}start ${o.start} != ${new Date(t.startMs).toISOString()}`);
      const elapsed = (t.endMs - t.startMs) / 1000;
      if (Math.abs(elapsed - o.elapsed) > 0.01) problems.push(`${at}elapsed ${o.elapsed} != ${elapsed}`);
      if ((t.distance === null) !== (o.distance === null))
        problems.push(`${at}distance ${o.distance} != ${t.distance}`);
      else if (t.distance !== null && Math.abs(t.distance - o.distance) > Math.max(0.5, 1e-4 * t.distance))
        problems.push(`${at}distance ${o.distance} != ${t.distance.toFixed(3)}`);
      if ((t.hrMean === null) !== (o.hr_mean === null) ||
          (t.hrMean !== null && Math.abs(t.hrMean - o.hr_mean) > 0.01))
        problems.push(`${at}hr mean ${o.hr_mean} != ${t.hrMean}`);
    });
  }
  if (problems.length) fail(file, problems.join('; '));
  else passed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

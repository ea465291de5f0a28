// values/s of DateColumnAccumulator.add() on 1M values. Run after a build:
//   npm run build && node bench/dates/throughput.mjs      (or: npx tsc -p tsconfig.json; node bench/dates/throughput.mjs)
import { DateColumnAccumulator } from '../../dist/src/detectors/dates/index.js';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const N = 1_000_000;
const p2 = (n) => String(n).padStart(2, '0');
function makeColumn(kind, seed) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out = new Array(N);
  // a pool of 5,000 distinct dates, drawn with repeats (typical order/visit dates)
  const pool = Array.from({ length: 5000 }, () => [int(1990, 2025), int(1, 12), int(1, 28)]);
  for (let i = 0; i < N; i++) {
    const [y, m, d] = pool[int(0, pool.length - 1)];
    switch (kind) {
      case 'mix-distinct+repeats':
        // 30 % drawn from 200 years of days (~70,000 distinct), 70 % from the 5,000-date pool
        if (rnd() < 0.3) {
          const t = new Date(Date.UTC(1900, 0, 1) + int(0, 73_000) * 86_400_000);
          out[i] = `${t.getUTCFullYear()}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())}`;
        } else out[i] = `${y}-${p2(m)}-${p2(d)}`;
        break;
      case 'iso-date-repeats':
        out[i] = `${y}-${p2(m)}-${p2(d)}`;
        break;
      case 'us-date-repeats':
        out[i] = `${m}/${d}/${y}`;
        break;
      case 'iso-datetime-distinct':
        out[i] = `${y}-${p2(m)}-${p2(d)}T${p2(int(0, 23))}:${p2(int(0, 59))}:${p2(int(0, 59))}Z`;
        break;
      case 'epoch-seconds':
        out[i] = String(int(1_100_000_000, 1_700_000_000));
        break;
      case 'non-date-text':
        out[i] = ['Maria', 'John', 'Anna', 'Juan', 'shipped', 'pending', 'N/A', ''][int(0, 7)] + (rnd() < 0.5 ? '' : String(int(0, 999)));
        break;
      case 'integer-ids':
        out[i] = String(int(1, 99_999_999));
        break;
    }
  }
  // flat strings, as a CSV parser hands them over (template literals would give cons-strings)
  return JSON.parse(JSON.stringify(out));
}

const kinds = ['mix-distinct+repeats', 'iso-date-repeats', 'us-date-repeats', 'iso-datetime-distinct', 'epoch-seconds', 'non-date-text', 'integer-ids'];
const names = { 'epoch-seconds': 'created_at', 'integer-ids': 'id' };
console.log(`node ${process.version}, ${N.toLocaleString()} values per run, best of 3`);
for (const kind of kinds) {
  const col = makeColumn(kind, 7);
  let best = Infinity;
  let result;
  for (let r = 0; r < 3; r++) {
    const acc = new DateColumnAccumulator(names[kind] ?? 'date');
    const t0 = performance.now();
    for (let i = 0; i < N; i++) acc.add(col[i]);
    const dt = performance.now() - t0;
    best = Math.min(best, dt);
    result = acc.finish(new Date('2026-01-01T00:00:00Z'));
  }
  // calibration under the same load: one Map lookup + Number() per value, nothing else
  const m = new Map();
  let base = Infinity;
  for (let r = 0; r < 3; r++) {
    m.clear();
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < N; i++) {
      const v = col[i];
      const c = m.get(v);
      if (c === undefined) m.set(v, 1);
      else x += c;
    }
    base = Math.min(base, performance.now() - t0);
  }
  const fmt = result ? Object.keys(result.formats).join(', ') : 'not date-like';
  console.log(`${kind.padEnd(24)} ${(N / (best / 1000) / 1e6).toFixed(2).padStart(6)} M values/s  (${best.toFixed(0)} ms; a bare Map count of the same values: ${base.toFixed(0)} ms)  → ${fmt}`);
}

import { PiiColumnAccumulator } from '../../src/detectors/pii/index.js';
import { mulberry32 } from './generate.js';

/**
 * Cost of add(): values per second for 1M-value columns of different cardinality, one core.
 * Run: npx tsc -p <a tsconfig including bench/pii> && node <out>/bench/pii/throughput.js
 */
/** The column as one UTF-8 buffer plus cell offsets, so each cell is decoded fresh, as a tokenizer does. */
function column(kind: string, n: number, distinct: number): { buf: Buffer; starts: Uint32Array; ends: Uint32Array } {
  const r = mulberry32(7);
  const pool: string[] = [];
  for (let i = 0; i < distinct; i++) {
    const a = Math.floor(r() * 1e9);
    if (kind === 'email') pool.push(`user${a}.name${i}@example${i % 97}.com`);
    else if (kind === 'phone') pool.push(`(${200 + (a % 700)}) ${200 + (i % 700)}-${String(a % 10000).padStart(4, '0')}`);
    else if (kind === 'status') pool.push(['active', 'inactive', 'pending', 'closed'][i % 4]!);
    else if (kind === 'name') pool.push(`${['James', 'Mary', 'Olivia', 'Dagny', 'Cormac'][i % 5]} ${['Smith', 'Lindqvist', 'Okonkwo'][a % 3]}${i}`);
    else if (kind === 'notes') pool.push(`customer ${i} asked about delivery window and refund status, ref ${a}`);
    else pool.push(String(a));
  }
  const parts: string[] = [];
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const v = pool[Math.floor(r() * distinct)]!;
    const len = Buffer.byteLength(v);
    starts[i] = at;
    ends[i] = at + len;
    at += len;
    parts.push(v);
  }
  return { buf: Buffer.from(parts.join('')), starts, ends };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const N = 1_000_000;
const cases: Array<[string, number]> = [
  ['status', 4],
  ['email', 50_000],
  ['email', 1_000_000],
  ['phone', 1_000_000],
  ['name', 200_000],
  ['number', 1_000_000],
  ['notes', 100_000],
];
for (const [kind, distinct] of cases) {
  const { buf, starts, ends } = column(kind, N, distinct);
  let bestDecode = Infinity;
  let bestTotal = Infinity;
  let result = null;
  for (let rep = 0; rep < 3; rep++) {
    // CPU time of this process (user + system), not wall time: the shared machine is often oversubscribed
    let t0 = cpuMs();
    let sink = 0;
    for (let i = 0; i < N; i++) sink += buf.toString('utf8', starts[i], ends[i]).length;
    bestDecode = Math.min(bestDecode, cpuMs() - t0);
    t0 = cpuMs();
    const acc = new PiiColumnAccumulator(kind === 'number' ? 'col_1' : kind);
    for (let i = 0; i < N; i++) acc.add(buf.toString('utf8', starts[i], ends[i]));
    result = acc.finish();
    bestTotal = Math.min(bestTotal, cpuMs() - t0);
    if (sink < 0) console.log(sink);
  }
  const addMs = bestTotal - bestDecode;
  console.log(
    `| ${kind} | ${distinct} | ${(buf.length / 1e6).toFixed(1)} MB | ${bestTotal.toFixed(0)} | ${bestDecode.toFixed(0)} | ${addMs.toFixed(0)} | ${(N / addMs / 1000).toFixed(2)} | ${result?.kind ?? 'null'} | ${result?.sample.rate ?? '-'} |`,
  );
}

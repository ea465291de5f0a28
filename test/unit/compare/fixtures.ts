/**
 * A deterministic customer-like export and the ways a nightly export regresses. Rows are plain objects so
 * each regression is a small edit; `toCsv` writes them with a header.
 */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Row = Record<string, string>;

const CITIES = ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Frankfurt', 'Stuttgart', 'Leipzig', 'Dresden'];
const CITY_WEIGHTS = [0.3, 0.2, 0.15, 0.1, 0.1, 0.07, 0.05, 0.03];
const STATUSES = ['active', 'paused', 'closed'];
const STATUS_WEIGHTS = [0.7, 0.2, 0.1];

function pick<T>(rand: () => number, items: T[], weights: number[]): T {
  let u = rand();
  for (let i = 0; i < items.length; i++) {
    u -= weights[i]!;
    if (u < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** Box–Muller from the seeded generator. */
function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export function customers(n: number, seed = 7): Row[] {
  const rand = mulberry32(seed);
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    rows.push({
      id: String(100000 + i),
      city: pick(rand, CITIES, CITY_WEIGHTS),
      amount: (120 + 30 * normal(rand)).toFixed(2),
      signup: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      status: pick(rand, STATUSES, STATUS_WEIGHTS),
      score: String(Math.floor(rand() * 1000)),
    });
  }
  return rows;
}

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: Row[], columns?: string[]): string {
  const cols = columns ?? Object.keys(rows[0]!);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => csvField(r[c] ?? '')).join(','))].join('\n') + '\n';
}

/** A seeded Fisher–Yates shuffle (a copy). */
export function shuffled<T>(items: T[], seed = 99): T[] {
  const rand = mulberry32(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The regressions a nightly export suffers, each applied to a copy of the baseline rows. */
export const regressions = {
  /** A quarter of the cities left empty. */
  moreMissing: (rows: Row[]) => rows.map((r, i) => (i % 4 === 1 ? { ...r, city: '' } : r)),
  /** The amount column now holds text with a currency: the column is retyped decimal → string. */
  retyped: (rows: Row[]) => rows.map((r) => ({ ...r, amount: `EUR ${r.amount}` })),
  /** The status column is gone. */
  droppedColumn: (rows: Row[]) => rows.map(({ status: _status, ...rest }) => rest),
  /** Only the first tenth of the rows arrived. */
  rowCollapse: (rows: Row[]) => rows.slice(0, Math.floor(rows.length / 10)),
  /** Amounts moved up by a third and spread wider (a unit or pricing change). */
  numericDrift: (rows: Row[]) => rows.map((r) => ({ ...r, amount: (Number(r.amount) * 1.5 + 40).toFixed(2) })),
  /** Many accounts closed, and a new status value appears. */
  newCategoryMix: (rows: Row[]) =>
    rows.map((r, i) => ({ ...r, status: i % 5 === 0 ? 'closed' : i % 5 === 1 ? 'suspended' : i % 5 === 2 ? 'paused' : r.status })),
};

/**
 * Does a column name suggest a point in time? Used only to admit epoch numbers and compact `yyyyMMdd`
 * integers: without it, plain integer columns (ids, amounts) would turn into dates.
 */
const TIME_WORDS = new Set([
  'date', 'time', 'ts', 'dt', 'datetime', 'timestamp', 'tstamp', 'epoch', 'created', 'updated', 'modified',
  'deleted', 'inserted', 'at', 'on', 'birth', 'dob', 'born', 'day', 'expires', 'expiry', 'expiration',
  'start', 'end', 'since', 'until', 'seen', 'utc', 'mtime', 'ctime', 'atime', 'when', 'posted', 'published',
  'login', 'logout', 'occurred', 'recorded', 'received', 'registered', 'joined', 'signup', 'expired', 'opened',
  'closed', 'submitted', 'processed', 'completed', 'scheduled', 'unix', 'unixtime', 'millis', 'ms',
]);
const NOT_TIME = new Set(['candidate', 'validate', 'mandate', 'accommodate', 'sedate']);

export function nameSuggestsTime(columnName: string): boolean {
  const words = columnName
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  for (const w of words) {
    if (TIME_WORDS.has(w)) return true;
    if (NOT_TIME.has(w)) continue;
    if (w.endsWith('date') || w.endsWith('time') || w.startsWith('date') || w.startsWith('time') || w.includes('stamp')) return true;
  }
  return false;
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { ExitCode, UserError } from '../cli/errors.js';
import { kindOf, metricKey, type MetricPoint } from '../compare/range.js';

/**
 * Every recorded run of every dataset, in one SQLite file. A run is written in a single transaction in WAL
 * mode with synchronous=FULL: a process killed at any moment leaves the file consistent, with the run either
 * fully recorded (its report and all its metrics) or absent.
 */

export const DEFAULT_HISTORY_DB = '.dataready/history.db';
/** Bumped when the tables change; an older file is upgraded, a newer one refused. */
export const HISTORY_SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE runs (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset        TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  tool_version   TEXT    NOT NULL,
  report_version INTEGER NOT NULL,
  input_path     TEXT,
  rows           INTEGER NOT NULL,
  columns        INTEGER NOT NULL,
  status         TEXT    NOT NULL,
  failed         INTEGER NOT NULL,
  warned         INTEGER NOT NULL,
  report         BLOB    NOT NULL -- the JSON report, gzip-compressed (about a tenth of its size)
);
CREATE INDEX runs_by_dataset ON runs (dataset, id);
CREATE TABLE metrics (
  run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  metric  TEXT    NOT NULL,
  subject TEXT    NOT NULL,
  value   REAL    NOT NULL,
  PRIMARY KEY (run_id, metric, subject)
) WITHOUT ROWID;
`;

export interface RunRow {
  id: number;
  dataset: string;
  recordedAt: string;
  toolVersion: string;
  reportVersion: number;
  inputPath: string | null;
  rows: number;
  columns: number;
  /** The comparison's outcome when the run was recorded: passed | warned | failed | first (no baseline). */
  status: string;
  failed: number;
  warned: number;
}

export interface RunToRecord extends Omit<RunRow, 'id'> {
  /** The JSON report, as written by `profile --out`. */
  report: string;
  metrics: MetricPoint[];
}

function sqliteError(path: string, e: unknown): UserError {
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error).message ?? String(e);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new UserError(`history database ${path} is damaged or not a SQLite database (${code}); move it aside to start a new history`, ExitCode.CouldNotRun);
  }
  if (code === 'SQLITE_CANTOPEN') return new UserError(`cannot open history database ${path}: ${msg}`, ExitCode.CouldNotRun);
  if (code === 'SQLITE_BUSY') return new UserError(`history database ${path} is locked by another run; try again`, ExitCode.CouldNotRun);
  if (code === 'SQLITE_READONLY') return new UserError(`history database ${path} is read-only`, ExitCode.CouldNotRun);
  return new UserError(`history database ${path}: ${msg}`, ExitCode.CouldNotRun);
}

export class HistoryStore {
  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {}

  /** Opens (and with `create`, creates) the history. Refuses a file that is not a dataready history. */
  static open(path: string, options: { create: boolean }): HistoryStore {
    let db: Database.Database;
    try {
      if (options.create) mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { fileMustExist: !options.create });
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CANTOPEN' && !options.create) {
        throw new UserError(`no history database at ${path} (record runs with \`dataready profile FILE --history\`, or pass --history-db PATH)`, ExitCode.CouldNotRun);
      }
      if ((e as NodeJS.ErrnoException).syscall) throw new UserError(`cannot create history database ${path}: ${(e as NodeJS.ErrnoException).code}`, ExitCode.CouldNotRun);
      throw sqliteError(path, e);
    }
    try {
      db.pragma('busy_timeout = 10000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > HISTORY_SCHEMA_VERSION) {
        throw new UserError(`history database ${path} was written by a newer dataready (history schema ${version}, this one reads ${HISTORY_SCHEMA_VERSION}); upgrade dataready`, ExitCode.CouldNotRun);
      }
      if (version === 0) {
        const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
        if (tables.n > 0) throw new UserError(`${path} is a SQLite database but not a dataready history; pass another --history-db PATH`, ExitCode.CouldNotRun);
        db.transaction(() => {
          db.exec(SCHEMA);
          db.pragma(`user_version = ${HISTORY_SCHEMA_VERSION}`);
        }).immediate();
      }
    } catch (e) {
      db.close();
      if (e instanceof UserError) throw e;
      throw sqliteError(path, e);
    }
    return new HistoryStore(path, db);
  }

  close(): void {
    this.db.close();
  }

  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw sqliteError(this.path, e);
    }
  }

  /** Records one run atomically; returns its id. `beforeCommit` is a test seam: it runs inside the transaction. */
  record(run: RunToRecord, hooks: { beforeCommit?: () => void } = {}): number {
    return this.guard(() => {
      const insertRun = this.db.prepare(
        `INSERT INTO runs (dataset, recorded_at, tool_version, report_version, input_path, rows, columns, status, failed, warned, report)
         VALUES (@dataset, @recordedAt, @toolVersion, @reportVersion, @inputPath, @rows, @columns, @status, @failed, @warned, @report)`,
      );
      const insertMetric = this.db.prepare('INSERT OR REPLACE INTO metrics (run_id, metric, subject, value) VALUES (?, ?, ?, ?)');
      const packed = gzipSync(run.report);
      const tx = this.db.transaction(() => {
        const { metrics, ...row } = run;
        const id = Number(insertRun.run({ ...row, report: packed }).lastInsertRowid);
        for (const m of metrics) if (Number.isFinite(m.value)) insertMetric.run(id, m.metric, m.subject, m.value);
        hooks.beforeCommit?.();
        return id;
      });
      return tx.immediate();
    });
  }

  /** The newest run of a dataset with its report text, or null. */
  latest(dataset: string): { run: RunRow; report: string } | null {
    return this.guard(() => {
      const row = this.db.prepare(`SELECT ${RUN_COLUMNS}, report FROM runs WHERE dataset = ? ORDER BY id DESC LIMIT 1`).get(dataset) as
        | (RunRow & { report: Buffer })
        | undefined;
      if (!row) return null;
      const { report, ...run } = row;
      let text: string;
      try {
        text = gunzipSync(report).toString('utf8');
      } catch {
        throw new UserError(`history database ${this.path}: run #${run.id} of ${JSON.stringify(dataset)} holds an unreadable report`, ExitCode.CouldNotRun);
      }
      return { run, report: text };
    });
  }

  /** For each metric, its values over the dataset's last `window` runs, newest first; and how many runs that was. */
  recentMetrics(dataset: string, window: number): { runs: number; values: Map<string, number[]> } {
    return this.guard(() => {
      const ids = (this.db.prepare('SELECT id FROM runs WHERE dataset = ? ORDER BY id DESC LIMIT ?').all(dataset, window) as { id: number }[]).map((r) => r.id);
      const values = new Map<string, number[]>();
      if (ids.length === 0) return { runs: 0, values };
      const rows = this.db
        .prepare(`SELECT run_id, metric, subject, value FROM metrics WHERE run_id IN (${ids.map(() => '?').join(',')}) ORDER BY run_id DESC, metric, subject`)
        .all(...ids) as { metric: string; subject: string; value: number }[];
      for (const r of rows) {
        const k = metricKey(r);
        const list = values.get(k);
        if (list) list.push(r.value);
        else values.set(k, [r.value]);
      }
      return { runs: ids.length, values };
    });
  }

  /** The dataset's runs, oldest first (the newest `limit` of them). */
  runs(dataset: string, limit: number): RunRow[] {
    return this.guard(() =>
      (this.db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE dataset = ? ORDER BY id DESC LIMIT ?`).all(dataset, limit) as RunRow[]).reverse(),
    );
  }

  /** Metrics of the given runs: run id → metric points. */
  metricsOfRuns(ids: number[], metric?: string): Map<number, MetricPoint[]> {
    return this.guard(() => {
      const out = new Map<number, MetricPoint[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return out;
      const rows = this.db
        .prepare(
          `SELECT run_id, metric, subject, value FROM metrics WHERE run_id IN (${ids.map(() => '?').join(',')})${metric ? ' AND metric = ?' : ''} ORDER BY run_id, metric, subject`,
        )
        .all(...ids, ...(metric ? [metric] : [])) as { run_id: number; metric: string; subject: string; value: number }[];
      for (const r of rows) out.get(r.run_id)!.push({ metric: r.metric, subject: r.subject, kind: kindOf(r.metric), value: r.value });
      return out;
    });
  }

  /** Every dataset with its number of runs and the time of its last one, by name. */
  datasets(): { dataset: string; runs: number; last: string }[] {
    return this.guard(
      () =>
        this.db
          .prepare('SELECT dataset, count(*) AS runs, max(recorded_at) AS last FROM runs GROUP BY dataset ORDER BY dataset')
          .all() as { dataset: string; runs: number; last: string }[],
    );
  }
}

const RUN_COLUMNS =
  'id, dataset, recorded_at AS recordedAt, tool_version AS toolVersion, report_version AS reportVersion, input_path AS inputPath, rows, columns, status, failed, warned';

/**
 * Runs columnar readers over many files in a child process, so that a hang, an out-of-memory abort or a
 * V8 fatal error on one hostile file is recorded as that file's failure instead of ending the test run.
 * The child gets `--max-old-space-size` and a per-file deadline; after a kill it is restarted on the rest.
 *
 * The deadline is wall time, stretched by the machine's load (CI and shared machines run several suites at
 * once): `timeoutMs × max(1, load average / cores)`, at most 2 minutes. Each outcome also carries the
 * child's CPU time for the file (`cpuMs`), which tests bound with the unstretched figure.
 */
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface FileOutcome {
  file: string;
  status: 'ok' | 'error' | 'timeout' | 'crash';
  rows?: number;
  rowsRead?: number;
  columns?: string[];
  nulls?: number[];
  name?: string;
  message?: string;
  isSourceError?: boolean;
  ms?: number;
  cpuMs?: number;
  peakRss?: number;
}

export interface IsolationOptions {
  kind: 'parquet' | 'arrow';
  timeoutMs?: number;
  maxOldSpaceMb?: number;
  maxMemoryBytes?: number;
}

export async function readIsolated(files: string[], opts: IsolationOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  let next = 0;
  while (next < files.length) {
    const batch = files.slice(next);
    const done = await runChild(batch, opts);
    outcomes.push(...done);
    next += done.length;
  }
  return outcomes;
}

/** Runs until all files are done or the child dies/hangs; returns the outcomes in order, the last one possibly a failure. */
function runChild(files: string[], opts: IsolationOptions): Promise<FileOutcome[]> {
  const load = loadavg()[0] / availableParallelism();
  const timeoutMs = Math.min(120_000, Math.round((opts.timeoutMs ?? 10_000) * Math.max(1, load)));
  const startupMs = 120_000;
  const args = [
    `--max-old-space-size=${opts.maxOldSpaceMb ?? 512}`,
    '--import',
    path.join(here, 'register-ts.mjs'),
    path.join(here, 'read-child.mjs'),
    `${opts.kind}:${opts.maxMemoryBytes ?? 256 * 1024 * 1024}`,
    ...files,
  ];
  return new Promise(resolve => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const outcomes: FileOutcome[] = [];
    let current = -1;
    let timer: NodeJS.Timeout | undefined;
    let buffered = '';
    let stderr = '';
    let finished = false;
    const finish = (failure?: FileOutcome) => {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      if (failure) outcomes.push(failure);
      resolve(outcomes);
    };
    const arm = (ms: number) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const index = Math.max(current, outcomes.length);
        child.kill('SIGKILL');
        finish({ file: files[index], status: 'timeout', message: `no result within ${ms} ms` });
      }, ms);
    };
    arm(startupMs); // loading the TypeScript transpiler is slow on a busy machine; files get their own deadline
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (!line.trim()) continue;
        const event = JSON.parse(line) as FileOutcome & { i: number; event?: string };
        if (event.event === 'start') {
          current = event.i;
          arm(timeoutMs);
        } else {
          const { i, ...rest } = event;
          outcomes.push({ ...rest, file: files[i] });
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on('exit', (code, signal) => {
      if (finished) return;
      if (outcomes.length === files.length) return finish();
      const index = Math.max(current, outcomes.length);
      const lastLine = stderr.trim().split('\n').filter(l => l.trim() && !l.startsWith(' ')).slice(-3).join(' | ');
      finish({ file: files[index], status: 'crash', message: `child exited (code ${code}, signal ${signal}): ${lastLine.slice(0, 300)}` });
    });
  });
}

// Run one command as a child process and measure its wall time and peak resident set size.
//
// Peak RSS comes from GNU time (`/usr/bin/time -v`, "Maximum resident set size") when it is installed; it
// reports the largest single process among the child and its descendants (worker threads count, as they
// live in the same process). Without GNU time we poll /proc/<pid>/status for VmHWM every 20 ms, which can
// miss a peak in the last interval; the result says which source was used.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';
let gnuTimeWorks;

/** True when /usr/bin/time is GNU time and understands -v. */
export function hasGnuTime() {
  if (gnuTimeWorks !== undefined) return gnuTimeWorks;
  gnuTimeWorks = false;
  if (existsSync(GNU_TIME)) {
    // A quick probe: BusyBox time lacks -v.
    try {
      const out = spawnSyncText(GNU_TIME, ['-v', 'true']);
      gnuTimeWorks = /Maximum resident set size/.test(out);
    } catch {
      gnuTimeWorks = false;
    }
  }
  return gnuTimeWorks;
}

function spawnSyncText(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

/** Seconds from GNU time's "h:mm:ss" or "m:ss.ss". */
function clockToSeconds(text) {
  const parts = text.trim().split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

function parseGnuTime(stderr) {
  const grab = (label) => {
    const m = new RegExp(`^\\s*${label}:\\s*(.+)$`, 'm').exec(stderr);
    return m ? m[1].trim() : undefined;
  };
  const rssKb = Number(grab('Maximum resident set size \\(kbytes\\)'));
  return {
    maxRssMB: Number.isFinite(rssKb) ? rssKb / 1024 : NaN,
    userS: Number(grab('User time \\(seconds\\)')),
    sysS: Number(grab('System time \\(seconds\\)')),
    elapsedS: clockToSeconds(grab('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)') ?? 'NaN'),
  };
}

/** Strip GNU time's report (it starts at "\tCommand being timed:") from the child's stderr. */
function splitTimeReport(stderr) {
  const i = stderr.lastIndexOf('\tCommand being timed:');
  if (i < 0) return { own: stderr, report: '' };
  // GNU time also adds "Command exited with non-zero status N" (or "...terminated by signal N") just before.
  const own = stderr.slice(0, i).replace(/^Command (exited with non-zero status|terminated by signal) \d+\n?$/m, '');
  return { own, report: stderr.slice(i) };
}

function readVmHwmKb(pid) {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Run `argv[0] argv.slice(1)` and resolve with
 * { wallS, maxRssMB, userS, sysS, exitCode, signal, stdout, stderr, rssSource }.
 * wallS is measured here around the whole child (process start to exit), so it includes Node's start-up.
 */
export function measure(argv, { cwd, env, timeoutMs = 30 * 60_000 } = {}) {
  const useTime = hasGnuTime();
  const [cmd, args] = useTime ? [GNU_TIME, ['-v', ...argv]] : [argv[0], argv.slice(1)];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    let hwmKb = 0;
    const poll = useTime ? undefined : setInterval(() => { hwmKb = Math.max(hwmKb, readVmHwmKb(child.pid)); }, 20);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      reject(err);
    });
    child.on('close', (exitCode, signal) => {
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      if (useTime) {
        const { own, report } = splitTimeReport(stderr);
        const t = parseGnuTime(report);
        resolve({ wallS, maxRssMB: t.maxRssMB, userS: t.userS, sysS: t.sysS, exitCode, signal, stdout, stderr: own, rssSource: 'gnu-time' });
      } else {
        resolve({ wallS, maxRssMB: hwmKb / 1024, userS: NaN, sysS: NaN, exitCode, signal, stdout, stderr, rssSource: 'proc-vmhwm-poll' });
      }
    });
  });
}

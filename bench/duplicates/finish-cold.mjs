/**
 * One cold finish() per process, as in the CLI (which calls it once): the CPU (user+sys of all threads,
 * so V8's background compilation counts) and wall time of that single call, for each build in turn,
 * alternated over N processes. The state is a finish-ab.mjs dump; report.json gives the column types.
 *   node bench/duplicates/finish-cold.mjs STATE.bin report.json [N]      (env BASE=dist/base NEW=dist)
 * A child per call: `node finish-cold.mjs --one DIR STATE.bin report.json` prints "cpu_ms wall_ms pairs".
 */
import { execFileSync } from 'node:child_process';
import { columnInfoFromReport, readStateDump } from './state-dump.mjs';
import { fileURLToPath } from 'node:url';
const root = new URL('../../', import.meta.url).href;
const args = process.argv.slice(2);

if (args[0] === '--one') {
  const [, dir, statePath, reportPath] = args;
  const { DuplicateAccumulator } = await import(`${root}${dir}/src/detectors/duplicates/index.js`);
  const state = readStateDump(statePath);
  const info = columnInfoFromReport(reportPath);
  const acc = DuplicateAccumulator.fromJSON(state);
  const c0 = process.cpuUsage(), t0 = performance.now();
  const out = acc.finish(info);
  const u = process.cpuUsage(c0);
  console.log(((u.user + u.system) / 1e3).toFixed(0), (performance.now() - t0).toFixed(0), out.near.candidatePairs);
} else {
  const [statePath, reportPath, n = '8'] = args;
  const builds = [process.env.BASE ?? 'dist/base', process.env.NEW ?? 'dist'];
  const cpu = [[], []], wall = [[], []];
  const self = fileURLToPath(import.meta.url);
  for (let k = 0; k < +n; k++) {
    for (const i of k & 1 ? [1, 0] : [0, 1]) {
      const [c, w] = execFileSync(process.execPath, [self, '--one', builds[i], statePath, reportPath], { encoding: 'utf8' }).trim().split(' ').map(Number);
      cpu[i].push(c);
      wall[i].push(w);
    }
  }
  const med = (x) => x.slice().sort((p, q) => p - q)[x.length >> 1];
  console.log(JSON.stringify({ base: builds[0], new: builds[1], cpuMsBase: cpu[0], cpuMsNew: cpu[1],
    medCpuBase: med(cpu[0]), medCpuNew: med(cpu[1]), medWallBase: med(wall[0]), medWallNew: med(wall[1]) }));
}

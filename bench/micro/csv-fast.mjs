#!/usr/bin/env node
// Microbenchmarks of the CSV fast path (src/sources/csv-tokenizer.ts, csv-split.ts, csv-hash.ts), one core
// unless the mode says otherwise. Each run is one mode in this process; run modes in separate processes.
//
//   npm run build            # or: npx tsc -p tsconfig.json (the modules are read from dist/src/sources)
//   node bench/micro/csv-fast.mjs <mode> <file.csv> [--dist DIR]
//
// modes: loop | newlines | tokenize | hash | strings | crypto | csvparse | split | workers2
//   loop: plain JS byte loop (calibration); newlines: Buffer.indexOf (memchr); tokenize: CsvTokenizer alone;
//   hash: + fieldHash53 per non-empty field + empty count per column; strings: + fieldToString per field;
//   crypto: + node:crypto md5 per non-empty field; csvparse: csv-parse stream with csvParseOptionsFor, empty
//   count; split: splitCsvFile (PARTS env, default 2); workers2: split in 2 + 'hash' in 2 worker threads.
// Prints one JSON line: { mode, bytes, seconds, mbPerSec, records, ... }.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const CHUNK = 1 << 20;

async function load(dist) {
  const base = pathToFileURL(path.resolve(dist) + '/').href;
  const tok = await import(base + 'csv-tokenizer.js');
  const split = await import(base + 'csv-split.js');
  return { ...tok, ...split };
}

/** Streams [start, end) of a file through fn(chunk) in 1 MiB reads into one reused buffer. */
function readRange(file, start, end, fn) {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let pos = start;
  while (pos < end) {
    const n = readSync(fd, buf, 0, Math.min(CHUNK, end - pos), pos);
    if (n === 0) break;
    fn(buf.subarray(0, n));
    pos += n;
  }
  closeSync(fd);
}

/** tokenizer + per-field 53-bit hash folded per column + empty count: the per-cell floor of a profile. */
function hashPass(m, file, start, end, dialect) {
  const tok = new m.CsvTokenizer(dialect, { bom: start === 0, streamOffset: start });
  const sums = new Float64Array(4096);
  const empties = new Float64Array(4096);
  let records = 0;
  const onRecord = (t) => {
    records++;
    const n = t.fieldCount;
    for (let i = 0; i < n; i++) {
      if (t.starts[i] === t.ends[i]) empties[i]++;
      else sums[i] += m.fieldHash53(t, i);
    }
  };
  readRange(file, start, end, (c) => tok.push(c, onRecord));
  tok.end(onRecord);
  let emptyTotal = 0;
  for (const e of empties) emptyTotal += e;
  return { records, empties: emptyTotal, check: sums[0] };
}

async function main() {
  const args = process.argv.slice(2);
  const di = args.indexOf('--dist');
  const dist = di >= 0 ? args.splice(di, 2)[1] : path.join(import.meta.dirname, '../../dist/src/sources');
  const [mode, file] = args;
  const m = await load(dist);
  const size = statSync(file).size;
  const src = new m.FileByteSource(file);
  const dataStart = m.csvDataStart(src);
  const dialect = { delimiter: 0x2c, quote: 0x22, recordDelimiter: m.detectSourceRecordDelimiter(src, 0x2c) };
  src.close();
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let out = {};
  if (mode === 'loop') {
    // calibration: the cheapest JS byte loop (count commas and LFs), to compare with under the same load
    let n = 0;
    readRange(file, 0, size, (c) => {
      for (let p = 0; p < c.length; p++) {
        const b = c[p];
        if (b === 44 || b === 10) n++;
      }
    });
    out = { count: n };
  } else if (mode === 'newlines') {
    let lines = 0;
    readRange(file, 0, size, (c) => {
      let p = -1;
      while ((p = c.indexOf(10, p + 1)) !== -1) lines++;
    });
    out = { lines };
  } else if (mode === 'tokenize') {
    const tok = new m.CsvTokenizer(dialect);
    let records = 0;
    let fields = 0;
    const onRecord = (t) => {
      records++;
      fields += t.fieldCount;
    };
    readRange(file, 0, size, (c) => tok.push(c, onRecord));
    tok.end(onRecord);
    out = { records, fields };
  } else if (mode === 'hash') {
    out = hashPass(m, file, 0, size, dialect);
  } else if (mode === 'strings') {
    const tok = new m.CsvTokenizer(dialect);
    let records = 0;
    let empties = 0;
    let chars = 0;
    const onRecord = (t) => {
      records++;
      for (let i = 0; i < t.fieldCount; i++) {
        const s = m.fieldToString(t, i);
        if (s === '') empties++;
        chars += s.length;
      }
    };
    readRange(file, 0, size, (c) => tok.push(c, onRecord));
    tok.end(onRecord);
    out = { records, empties, chars };
  } else if (mode === 'crypto') {
    // node:crypto per non-empty field (md5 of the raw field bytes; no unescaping, an upper bound on speed)
    const tok = new m.CsvTokenizer(dialect);
    let records = 0;
    let x = 0;
    const onRecord = (t) => {
      records++;
      for (let i = 0; i < t.fieldCount; i++) {
        if (t.starts[i] === t.ends[i]) continue;
        const d = createHash('md5').update(t.buf.subarray(t.starts[i], t.ends[i])).digest();
        x ^= d[0];
      }
    };
    readRange(file, 0, size, (c) => tok.push(c, onRecord));
    tok.end(onRecord);
    out = { records, x };
  } else if (mode === 'csvparse') {
    const { parse } = await import('csv-parse');
    const { createReadStream } = await import('node:fs');
    let records = 0;
    let empties = 0;
    await new Promise((resolve, reject) => {
      createReadStream(file, { highWaterMark: CHUNK })
        .pipe(parse(m.csvParseOptionsFor(dialect)))
        .on('data', (r) => {
          records++;
          for (const v of r) if (v === '') empties++;
        })
        .on('end', resolve)
        .on('error', reject);
    });
    out = { records, empties };
  } else if (mode === 'split') {
    const s = m.splitCsvFile(file, Number(process.env.PARTS ?? 2), { delimiter: 0x2c }, { speculative: process.env.SPECULATIVE === '1' });
    out = { ranges: s.ranges, methods: s.methods };
  } else if (mode === 'workers2') {
    const s = m.splitCsvFile(file, 2, { delimiter: 0x2c });
    const tSplit = Number(process.hrtime.bigint() - t0) / 1e9;
    const results = await Promise.all(
      s.ranges.map(
        (r) =>
          new Promise((resolve, reject) => {
            const w = new Worker(new URL(import.meta.url), { workerData: { dist, file, range: r, dialect: s.dialect } });
            w.once('message', resolve);
            w.once('error', reject);
          }),
      ),
    );
    out = { splitSeconds: tSplit, parts: results, records: results.reduce((a, r) => a + r.records, 0) };
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  // CPU seconds of this process (all threads): the machine is shared, so wall time alone says little
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const bytes = size - dataStart;
  console.log(
    JSON.stringify({
      mode,
      file: path.basename(file),
      bytes,
      seconds: +seconds.toFixed(3),
      mbPerSec: +(bytes / 1e6 / seconds).toFixed(1),
      cpuSeconds: +cpuSeconds.toFixed(3),
      mbPerCpuSec: +(bytes / 1e6 / cpuSeconds).toFixed(1),
      loadavg1: +(await import('node:os')).loadavg()[0].toFixed(2),
      ...out,
    }),
  );
}

if (isMainThread) {
  await main();
} else {
  const { dist, file, range, dialect } = workerData;
  const m = await load(dist);
  const t0 = process.hrtime.bigint();
  const r = hashPass(m, file, range.start, range.end, dialect);
  parentPort.postMessage({ ...r, seconds: Number(process.hrtime.bigint() - t0) / 1e9 });
}

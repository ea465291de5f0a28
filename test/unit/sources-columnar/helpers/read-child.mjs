// Child process of the isolation harness: reads every file named in argv[3...] fully with the reader
// named in argv[2] ('parquet' | 'arrow') and prints one JSON line per event on stdout.
// argv[2] may carry a memory limit: 'parquet:268435456'.
const [kindArg, ...files] = process.argv.slice(2);
const [kind, limitText] = kindArg.split(':');
const maxMemoryBytes = limitText ? Number(limitText) : 256 * 1024 * 1024;
const parquet = await import('../../../../src/sources/parquet.ts');
const arrow = await import('../../../../src/sources/arrow.ts');
const limits = await import('../../../../src/sources/limits.ts');
const open = kind === 'parquet' ? parquet.openParquet : arrow.openArrow;
const read = kind === 'parquet' ? parquet.readParquetShard : arrow.readArrowShard;
let peakRss = 0;
for (let i = 0; i < files.length; i++) {
  process.stdout.write(JSON.stringify({ i, event: 'start' }) + '\n');
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let line;
  try {
    const { schema, rows, shards } = await open(files[i], { maxMemoryBytes });
    const nulls = new Array(schema.columns.length).fill(0);
    let seen = 0;
    for (const shard of shards) {
      let inShard = 0;
      await read(files[i], shard, { maxMemoryBytes }, (columns, rowStart) => {
        if (rowStart !== shard.rowStart + inShard) throw new Error(`batch rowStart ${rowStart} out of order`);
        const n = columns[0]?.length ?? 0;
        if (columns.some(column => column.length !== n)) throw new Error('columns of unequal length in one batch');
        inShard += n;
        seen += n;
        columns.forEach((column, c) => {
          for (const cell of column) if (cell === null) nulls[c]++;
        });
      });
    }
    line = { i, status: 'ok', rows, rowsRead: seen, columns: schema.columns.map(c => `${c.name}:${c.textForm}`), nulls };
  } catch (error) {
    line = {
      i,
      status: 'error',
      name: error?.name ?? typeof error,
      message: String(error?.message ?? error),
      isSourceError: error instanceof limits.SourceError,
    };
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  line.ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  line.cpuMs = (cpu.user + cpu.system) / 1000;
  line.peakRss = peakRss;
  process.stdout.write(JSON.stringify(line) + '\n');
}

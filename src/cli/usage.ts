import { TOOL_VERSION } from '../util/version.js';

export const USAGE = `dataready ${TOOL_VERSION} — how ready is this data for production?

Usage:
  dataready profile <file> [options]   profile a CSV (.csv, .tsv, .gz, .zst), Parquet or Arrow IPC file
  dataready schema                     print the JSON Schema of the report
  dataready --version | --help

Profile options:
  --out FILE          write the JSON report to FILE (atomically)
  --format text|json  what to print on stdout (default: text)
  --rules FILE        rules YAML merged over rules/default.yaml
  --delimiter C       field delimiter (default: sniffed among , ; tab | :)
  --quote C           quote character (default: sniffed, " or ')
  --header            the first record holds column names (default: sniffed)
  --no-header         the first record is data, not column names
  --encoding NAME     text encoding (default: sniffed; utf-8, latin1, windows-1252, utf-16le, shift_jis, ...)
  --duplicates FILE   write every duplicate record as CSV row,cluster,kind (row: 1-based data record)
  --as-of DATE        reference day for staleness and future dates (default: the file's modification time)
  --max-memory SIZE   memory budget for one Parquet/Arrow shard's decompressed data (default 1G)
  --quiet             no progress output

Exit codes: 0 ok, 1 quality gate failed, 2 could not run (usage, input, rules), 3 internal error.
`;


import { TOOL_VERSION } from '../util/version.js';

export const USAGE = `dataready ${TOOL_VERSION} — how ready is this data for production?

Usage:
  dataready profile <file|dir>... [options]   profile a CSV (.csv, .tsv, .gz, .zst), Parquet or Arrow IPC file
  dataready compare <baseline.json> <current.json> [--format text|json|md] [--rules FILE]
                   [--junit FILE] [--out FILE] [--strict]
                                       what changed between two reports, and whether it matters
  dataready history [<dataset>] [--history-db PATH] [--limit N] [--format text|json|md]
                                       recorded runs of a dataset and the trend of each score
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
  --threads N         worker threads (default: the machine's cores); the report is the same for any N
  --quiet             no progress bar (it is only drawn when stderr is a terminal)

Regression checks (profile; thresholds in the compare: section of the rules, see docs/compare.md):
  --baseline FILE     compare with an earlier JSON report; exit 1 when a fail threshold is crossed
  --history           keep every run in .dataready/history.db (under the current directory); the
                      dataset's latest run is the baseline, and metrics are checked against their recent range
  --history-db PATH   the history database to use (implies --history)
  --dataset NAME      the series a run belongs to in the history (default: the input file's name)
  --junit FILE        write one JUnit test case per check (atomically)
  --strict            warnings fail too (exit 1)

Exit codes: 0 ok, 1 quality gate failed, 2 could not run (usage, input, rules), 3 internal error.
`;


import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { parse, CsvError, type Options as CsvOptions } from 'csv-parse';
import { UserError } from '../cli/errors.js';
import type { InputInfo } from './input.js';
import { openText } from './text-stream.js';

/**
 * The reference CSV reader: csv-parse as a stream, one record at a time, memory independent of the file's
 * length. The byte-level tokenizer of the parallel engine is checked record for record against it.
 *
 * Options chosen to read real exports rather than refuse them: ragged records are kept (and counted by the
 * profiler), a stray quote inside an unquoted field is kept as a character, blank lines are skipped, a
 * UTF-8 BOM is dropped.
 */
export interface CsvDialect {
  delimiter: string;
  quote: string;
  header: boolean;
}

export const DEFAULT_DIALECT: CsvDialect = { delimiter: ',', quote: '"', header: true };

export function csvParseOptions(dialect: CsvDialect, maxRecordBytes: number): CsvOptions {
  return {
    delimiter: dialect.delimiter,
    quote: dialect.quote,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: maxRecordBytes,
  };
}

export interface CsvRecordSink {
  header(names: string[]): void;
  /** `rowNumber` is the 1-based data-record number (header excluded). */
  record(cells: string[], rowNumber: number): void;
}

export async function streamCsv(info: InputInfo, encoding: string, dialect: CsvDialect, maxRecordBytes: number, sink: CsvRecordSink): Promise<{ records: number }> {
  const path = info.path;
  let rowNumber = 0;
  let sawHeader = !dialect.header;
  const parser = parse(csvParseOptions(dialect, maxRecordBytes));
  const consumer = new Writable({
    objectMode: true,
    highWaterMark: 256,
    write(record: string[], _enc, done) {
      try {
        if (!sawHeader) {
          sawHeader = true;
          sink.header(record);
        } else {
          if (rowNumber === 0 && !dialect.header) sink.header(record.map((_, i) => `column_${i + 1}`));
          sink.record(record, ++rowNumber);
        }
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  try {
    await pipeline(openText(info, encoding), parser, consumer);
  } catch (e) {
    throw toUserError(path, e);
  }
  return { records: rowNumber };
}

function toUserError(path: string, e: unknown): Error {
  if (e instanceof UserError) return e;
  if (e instanceof CsvError) {
    const line = (e as CsvError & { lines?: number }).lines;
    const where = line ? ` near line ${line}` : '';
    switch (e.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return new UserError(`${path}: a quoted field is never closed${where}; the file may be truncated or use another quote character`);
      case 'CSV_MAX_RECORD_SIZE':
        return new UserError(`${path}: a record is larger than limits.maxRecordBytes${where}; an unbalanced quote probably swallowed the rest of the file`);
      default:
        return new UserError(`${path}: cannot parse CSV${where}: ${e.message.split('\n')[0]}`);
    }
  }
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return new UserError(`${path}: corrupt or truncated gzip data`);
  if (code) return new UserError(`${path}: read error (${code})`);
  if (e instanceof Error && e.message.startsWith('zstd:')) return new UserError(`${path}: corrupt or truncated zstd data (${e.message})`);
  return e as Error;
}

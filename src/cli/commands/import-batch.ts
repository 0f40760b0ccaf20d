import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { type DocumentReport, type ImportOptions, importSources } from '../../importer/import.service.ts';
import { type ParsedSource, readSourceAsync } from '../../importer/read-source.ts';
import { openMigratedDatabase } from '../../operations/open-database.ts';
import { progress } from '../progress.ts';
import type { ExpandedInputs } from './import-inputs.ts';
import { describeReport } from './import-report.ts';
import { documentRow, errorRow, formatSummary, type SummaryRow } from './import-summary.ts';

export interface BatchOptions {
  dryRun: boolean;
  json: boolean;
  skipErrors: boolean;
  store: ImportOptions;
}

interface Failure {
  file: string;
  error: unknown;
}

/**
 * Many files at once (a folder, or --skip-errors). Every file is parsed before anything is
 * written. Without --skip-errors one failed file means exit 2 and nothing stored; the good ones
 * land together in ONE transaction otherwise. With --skip-errors each good file is stored in its
 * own transaction (a file refused at store time, e.g. a published block, fails alone), and the
 * failures are still listed and still give exit 2 so a script notices.
 */
export async function importBatch(inputs: ExpandedInputs, options: BatchOptions): Promise<void> {
  for (const s of inputs.skipped) process.stderr.write(`${s.file}: skipped: ${s.reason}\n`);
  const { sources, failures } = await parseAll(inputs.files);
  for (const source of sources) printWarnings(source);
  // The table goes to stdout unless stdout carries JSON.
  const table = (out: NodeJS.WriteStream) => out.write(formatSummary(summaryRows(sources, failures)));

  if (failures.length > 0 && !options.skipErrors) {
    table(options.json ? process.stderr : process.stdout);
    printFailures(failures);
    process.stderr.write(
      `mokuhyo: error: ${failures.length} of ${inputs.files.length} files failed; nothing was stored (fix them, or pass --skip-errors to store the others)\n`,
    );
    process.exitCode = 2;
    return;
  }
  if (options.dryRun) {
    if (options.json)
      process.stdout.write(
        `${JSON.stringify(
          sources.flatMap((s) => s.documents),
          null,
          2,
        )}\n`,
      );
    table(options.json ? process.stderr : process.stdout);
    finish(failures);
    return;
  }
  const reports = await store(sources, failures, options);
  if (options.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else for (const report of reports) process.stdout.write(describeReport(report));
  table(options.json ? process.stderr : process.stdout);
  finish(failures);
}

async function parseAll(files: string[]): Promise<{ sources: ParsedSource[]; failures: Failure[] }> {
  const bar = progress(files.length, 'parsing');
  const sources: ParsedSource[] = [];
  const failures: Failure[] = [];
  for (const file of files) {
    try {
      const bytes = await readFile(file).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new AppError('INVALID_INPUT', `cannot read: ${reason}`, { file });
      });
      sources.push(await readSourceAsync(file, bytes));
    } catch (error) {
      failures.push({ file, error });
    }
    bar.tick();
  }
  bar.stop();
  return { sources, failures };
}

async function store(sources: ParsedSource[], failures: Failure[], options: BatchOptions) {
  const db = await openMigratedDatabase(loadConfig().database);
  try {
    const total = sources.reduce((n, s) => n + s.documents.length, 0);
    const bar = progress(total, 'storing');
    const reports: DocumentReport[] = [];
    if (!options.skipErrors) {
      reports.push(...(await importSources(db.kysely, sources, options.store, () => bar.tick())).documents);
    } else {
      // Remove the ones that failed at store time, so the table shows them as failed.
      for (const source of [...sources]) {
        try {
          reports.push(
            ...(await importSources(db.kysely, [source], options.store, () => bar.tick())).documents,
          );
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          failures.push({ file: source.name, error });
          sources.splice(sources.indexOf(source), 1);
        }
      }
    }
    bar.stop();
    return reports;
  } finally {
    await db.destroy();
  }
}

function summaryRows(sources: ParsedSource[], failures: Failure[]): SummaryRow[] {
  const rows = [
    ...sources.flatMap((s) => s.documents.map((d) => documentRow(s.name, d))),
    ...failures.map((f) => errorRow(f.file, describeError(withoutFile(f.error)))),
  ];
  return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function describeError(error: unknown): string {
  if (error instanceof AppError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}

/** The table's file column already names the file; the error column says where in it ("page 1: …"). */
function withoutFile(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(error.code, error.message, { ...error.location, file: undefined });
}

function printFailures(failures: Failure[]): void {
  for (const f of failures) process.stderr.write(`mokuhyo: error: ${describeError(f.error)}\n`);
}

function finish(failures: Failure[]): void {
  if (failures.length === 0) return;
  printFailures(failures);
  process.exitCode = 2;
}

function printWarnings(source: ParsedSource): void {
  for (const doc of source.documents) {
    for (const w of doc.warnings) {
      const where = w.line === undefined ? source.name : `${source.name}:${w.line}`;
      process.stderr.write(`${where}: warning: ${w.message}\n`);
    }
  }
}

import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { type DocumentReport, importSources } from '../../importer/import.service.ts';
import { type ParsedSource, readSourceAsync } from '../../importer/read-source.ts';
import { openMigratedDatabase } from '../../operations/open-database.ts';
import { progress } from '../progress.ts';
import { importBatch } from './import-batch.ts';
import { expandInputs } from './import-inputs.ts';
import { describeReport } from './import-report.ts';
import { runImportUndo } from './import-undo.ts';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  municipality?: string;
  localGovCode?: string;
  published?: boolean;
  allowYear?: boolean;
  undo?: string;
  skipErrors?: boolean;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'read 一覧表 files (PDF with a text layer, text extraction in UTF-8 or Shift_JIS, Excel, or interchange JSON) and store them',
    )
    .argument(
      '[files...]',
      'files or folders to import (a folder is read recursively: .pdf, .txt, .json, .xlsx; a summary table is printed)',
    )
    .option('--dry-run', 'parse and report, write nothing')
    .option('--json', 'print JSON: the interchange document(s) with --dry-run, else the import report')
    .option('--municipality <code-or-name>', 'municipality the tables belong to')
    .option(
      '--local-gov-code <code>',
      "the municipality's 全国地方公共団体コード (6 digits with check digit), written to open data",
    )
    .option(
      '--published',
      "load the city's past tables as already published (audited); without it every block is a draft (作成中)",
    )
    .option('--allow-year', 'accept a plan year after next 年度 or before 平成元年度 (1989)')
    .option('--undo <id>', 'undo import ID (printed by each import): its blocks return to what they were')
    .option(
      '--skip-errors',
      'store the files that read well, each in its own transaction, and list the ones that failed (exit 2 if any did)',
    )
    .action(async (args: string[], options: ImportOptions) => {
      if (options.undo !== undefined) return runImportUndo(options.undo, options);
      if (args.length === 0) throw new AppError('INVALID_INPUT', 'name the files to import (or --undo ID)');
      const inputs = await expandInputs(args);
      // Plain files without --skip-errors keep the single-transaction, stop-at-first-error form.
      if (inputs.folder || options.skipErrors) {
        await importBatch(inputs, {
          dryRun: options.dryRun ?? false,
          json: options.json ?? false,
          skipErrors: options.skipErrors ?? false,
          store: storeOptions(options),
        });
        return;
      }
      const sources = await readAll(inputs.files);
      for (const source of sources) printWarnings(source);
      if (options.dryRun) {
        const documents = sources.flatMap((s) => s.documents);
        if (options.json) printJson(documents.length === 1 ? documents[0] : documents);
        else for (const d of documents) process.stdout.write(`${summary(d)}\n`);
        return;
      }
      const config = loadConfig();
      const db = await openMigratedDatabase(config.database);
      try {
        const total = sources.reduce((n, s) => n + s.documents.length, 0);
        const bar = progress(total, 'storing');
        const result = await importSources(db.kysely, sources, storeOptions(options), () => bar.tick());
        bar.stop();
        if (options.json) printJson(result);
        else for (const report of result.documents) process.stdout.write(describeReport(report));
        process.stderr.write(
          `import ${result.importId} stored; to undo it: mokuhyo import --undo ${result.importId}\n`,
        );
      } finally {
        await db.destroy();
      }
    });
}

function storeOptions(options: ImportOptions) {
  return {
    municipality: options.municipality,
    localGovCode: options.localGovCode,
    published: options.published ?? false,
    allowYear: options.allowYear ?? false,
  };
}

/** Parses every file before anything is stored, so that one bad file leaves the database untouched. */
async function readAll(files: string[]): Promise<ParsedSource[]> {
  const bar = progress(files.length, 'parsing');
  const sources: ParsedSource[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('INVALID_INPUT', `cannot read: ${reason}`, { file });
    }
    sources.push(await readSourceAsync(file, bytes));
    bar.tick();
  }
  bar.stop();
  return sources;
}

function printWarnings(source: ParsedSource): void {
  for (const doc of source.documents) {
    for (const w of doc.warnings) {
      const where = w.line === undefined ? source.name : `${source.name}:${w.line}`;
      process.stderr.write(`${where}: warning: ${w.message}\n`);
    }
  }
}

function summary(d: {
  department: string;
  review: { fiscalYear: number; goals: unknown[] };
  plan: { fiscalYear: number; goals: unknown[] };
}): string {
  return `${d.department}: ${d.review.fiscalYear} (${d.review.goals.length} goals) / ${d.plan.fiscalYear} (${d.plan.goals.length} goals)`;
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export type { DocumentReport };

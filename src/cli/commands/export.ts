import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { type CsvTableName, csvTables } from '../../exporters/csv/csv.exporter.ts';
import type { CsvEncoding } from '../../exporters/csv/csv-format.ts';
import { type ExportFormat, exportFormats, exportTables } from '../../exporters/export.service.ts';
import { openMigratedDatabase } from '../../operations/open-database.ts';

interface ExportOptions {
  department?: string;
  all?: boolean;
  planYear: string;
  format: string;
  out?: string;
  municipality?: string;
  table: string;
  encoding: string;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("write stored 一覧表: one department's (--department) or the whole city's (--all)")
    .option('--department <name>', '担当部局名 (or its id)')
    .option('--all', 'every department that has a table for the plan year')
    .requiredOption('--plan-year <yyyy>', 'the plan year (当年度), Gregorian: 令和4年度 = 2022')
    .option('--format <format>', `one of ${exportFormats.join(', ')}`, 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--municipality <code-or-name>', 'when several municipalities are stored')
    .option('--table <table>', `csv: ${csvTables.join(' | ')}`, 'items')
    .option('--encoding <encoding>', 'csv: utf8 (with BOM) | cp932', 'utf8')
    .action(async (options: ExportOptions) => {
      const planYear = Number(options.planYear);
      if (!Number.isInteger(planYear) || planYear < 1989) {
        throw new AppError(
          'INVALID_INPUT',
          `--plan-year must be a Gregorian year, not "${options.planYear}"`,
          {
            field: 'plan-year',
          },
        );
      }
      if (!(exportFormats as readonly string[]).includes(options.format)) {
        throw new AppError('INVALID_INPUT', `--format must be one of ${exportFormats.join(', ')}`, {
          field: 'format',
        });
      }
      if (Boolean(options.department) === Boolean(options.all)) {
        throw new AppError('INVALID_INPUT', 'name one department with --department, or use --all', {
          field: 'department',
        });
      }
      if (!(csvTables as readonly string[]).includes(options.table)) {
        throw new AppError('INVALID_INPUT', `--table must be one of ${csvTables.join(', ')}`, {
          field: 'table',
        });
      }
      if (!['utf8', 'cp932'].includes(options.encoding)) {
        throw new AppError('INVALID_INPUT', '--encoding must be utf8 or cp932', { field: 'encoding' });
      }
      const db = await openMigratedDatabase(loadConfig().database);
      try {
        const output = await exportTables(db.kysely, {
          municipality: options.municipality,
          department: options.all ? undefined : options.department,
          planYear,
          format: options.format as ExportFormat,
          table: options.table as CsvTableName,
          encoding: options.encoding as CsvEncoding,
          // The command is run by the operator, who exports drafts as well (as before).
          audience: { includeDrafts: true },
        });
        for (const notice of output.notices ?? []) process.stderr.write(`mokuhyo: ${notice}\n`);
        if (options.out) await writeFile(options.out, output.body);
        else process.stdout.write(output.body);
      } finally {
        await db.destroy();
      }
    });
}

import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { requireDepartment } from '../../domain/departments/department.service.ts';
import {
  evaluateCity,
  evaluateDepartmentYear,
  formatCityEvaluation,
  formatDepartmentEvaluation,
  GRADE_PRESETS,
  type GradeScale,
} from '../../domain/evaluation/index.ts';
import { findExistingMunicipality } from '../../domain/municipalities/municipality.service.ts';
import { AppError } from '../../errors.ts';
import { openMigratedDatabase } from '../../operations/open-database.ts';

interface EvaluateOptions {
  department?: string;
  year: string;
  json?: boolean;
  municipality?: string;
  scale?: string;
}

const presets = Object.keys(GRADE_PRESETS);

function presetScale(name: string | undefined): GradeScale | undefined {
  if (name === undefined) return undefined;
  const scale = GRADE_PRESETS[name as keyof typeof GRADE_PRESETS];
  if (!scale)
    throw new AppError('INVALID_INPUT', `--scale must be one of ${presets.join(', ')}`, { field: 'scale' });
  return scale;
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description(
      "a year's targets against its achievements: rates, grades, 未報告; one department or the city",
    )
    .option('--department <name>', '担当部局名 (or its id); without it, every department of the city')
    .requiredOption('--year <yyyy>', 'the fiscal year evaluated, Gregorian: 令和5年度 = 2023')
    .option('--json', 'print the evaluation as JSON')
    .option('--municipality <code-or-name>', 'when several municipalities are stored')
    .option('--scale <preset>', `grade with a preset instead of the stored scale: ${presets.join(', ')}`)
    .action(async (options: EvaluateOptions) => {
      const year = Number(options.year);
      if (!Number.isInteger(year) || year < 1989) {
        throw new AppError('INVALID_INPUT', `--year must be a Gregorian year, not "${options.year}"`, {
          field: 'year',
        });
      }
      const scale = presetScale(options.scale);
      const db = await openMigratedDatabase(loadConfig().database);
      try {
        const municipality = await findExistingMunicipality(db.kysely, options.municipality);
        let body: string;
        if (options.department !== undefined) {
          const department = await requireDepartment(db.kysely, municipality.id, options.department);
          const evaluation = await evaluateDepartmentYear(db.kysely, department.id, year, { scale });
          body = options.json
            ? `${JSON.stringify(evaluation, null, 2)}\n`
            : formatDepartmentEvaluation(evaluation);
        } else {
          const evaluation = await evaluateCity(db.kysely, municipality.id, year, { scale });
          body = options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : formatCityEvaluation(evaluation);
        }
        process.stdout.write(body);
      } finally {
        await db.destroy();
      }
    });
}

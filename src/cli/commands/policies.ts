import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { systemActor } from '../../domain/auth/actor.ts';
import { requireGoalRef } from '../../domain/lineage/goal-ref.repo.ts';
import {
  findExistingMunicipality,
  resolveMunicipality,
} from '../../domain/municipalities/municipality.service.ts';
import { goalsByPolicy } from '../../domain/policies/goals-by-policy.ts';
import {
  importPolicies,
  linkGoalToPolicy,
  unlinkGoalFromPolicy,
} from '../../domain/policies/policy.service.ts';
import { parsePolicyTree } from '../../domain/policies/policy-format.ts';
import { AppError } from '../../errors.ts';
import { decodeInput } from '../../importer/decode.ts';
import { openMigratedDatabase } from '../../operations/open-database.ts';

interface LinkOptions {
  goal: string;
  policy: string;
  municipality?: string;
}

async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = await openMigratedDatabase(loadConfig().database);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

function positiveInt(value: string, field: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('INVALID_INPUT', `--${field} must be a number, not "${value}"`, { field });
  return n;
}

export function registerPolicies(program: Command): void {
  const policies = program
    .command('policies')
    .description(
      'the comprehensive plan (総合計画): import its policy tree, tie goals to policies, read goals by policy',
    );

  policies
    .command('import')
    .description('store a policy tree: JSON [{code, name, children}] or indented text lines "CODE NAME"')
    .argument('<file>', 'UTF-8 or Shift_JIS')
    .option('--municipality <code-or-name>', 'municipality the plan belongs to')
    .action(async (file: string, options: { municipality?: string }) => {
      let tree: ReturnType<typeof parsePolicyTree>;
      try {
        tree = parsePolicyTree(decodeInput(await readFile(file)));
      } catch (error) {
        throw error instanceof AppError ? error.withFile(file) : error;
      }
      await withDb(async (db) => {
        const municipality = await resolveMunicipality(db.kysely, options.municipality);
        const report = await importPolicies(db.kysely, systemActor(municipality.id), tree);
        process.stdout.write(
          `${file}: ${municipality.name}: ${report.total} policies (${report.added} added, ${report.updated} changed, ${report.removed} removed)\n`,
        );
      });
    });

  const linkCommand = (name: 'link' | 'unlink', run: typeof linkGoalToPolicy) =>
    policies
      .command(name)
      .description(name === 'link' ? 'tie a goal to a policy' : 'untie a goal from a policy')
      .requiredOption('--goal <id>', 'goal id')
      .requiredOption('--policy <code>', 'policy code')
      .option('--municipality <code-or-name>', 'check that the goal belongs to this municipality')
      .action(async (options: LinkOptions) => {
        const goalId = positiveInt(options.goal, 'goal');
        await withDb(async (db) => {
          const goal = await requireGoalRef(db.kysely, goalId);
          if (options.municipality) {
            const municipality = await findExistingMunicipality(db.kysely, options.municipality);
            if (municipality.id !== goal.municipalityId) {
              throw new AppError('NOT_FOUND', `goal ${goalId} is not a goal of ${municipality.name}`, {
                field: 'goal',
              });
            }
          }
          await run(db.kysely, systemActor(goal.municipalityId), { goalId, policyCode: options.policy });
          process.stdout.write(
            `${name === 'link' ? 'linked' : 'unlinked'}: ${goal.departmentName} ${goal.fiscalYear} ${goal.block} ${goal.no} ${goal.title} ${name === 'link' ? '→' : '✕'} ${options.policy}\n`,
          );
        });
      });
  linkCommand('link', linkGoalToPolicy);
  linkCommand('unlink', unlinkGoalFromPolicy);

  policies
    .command('list')
    .description('the policy tree with the goals of one fiscal year under each policy')
    .requiredOption('--year <yyyy>', 'fiscal year, Gregorian: 令和6年度 = 2024')
    .option('--municipality <code-or-name>', 'when several municipalities are stored')
    .option('--json', 'print JSON')
    .action(async (options: { year: string; municipality?: string; json?: boolean }) => {
      const year = positiveInt(options.year, 'year');
      await withDb(async (db) => {
        const municipality = await findExistingMunicipality(db.kysely, options.municipality);
        const view = await goalsByPolicy(db.kysely, municipality.id, year);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
          return;
        }
        for (const p of view) {
          const indent = '  '.repeat(p.depth);
          process.stdout.write(`${indent}${p.code} ${p.name} (${p.totalGoals})\n`);
          for (const g of p.goals) {
            const side = g.plan ?? g.review;
            process.stdout.write(
              `${indent}  - ${g.departmentName} ${side?.no ?? ''}. ${side?.title ?? ''}\n`,
            );
          }
        }
      });
    });
}

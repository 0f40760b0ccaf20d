import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { requireDepartment } from '../../domain/departments/department.service.ts';
import { goalsAcrossYears } from '../../domain/lineage/across-years.service.ts';
import { formatHistory } from '../../domain/lineage/history-text.ts';
import { findExistingMunicipality } from '../../domain/municipalities/municipality.service.ts';
import { openMigratedDatabase } from '../../operations/open-database.ts';

interface LineageOptions {
  department: string;
  municipality?: string;
  json?: boolean;
}

export function registerLineage(program: Command): void {
  program
    .command('lineage')
    .description(
      "follow a department's goals across the stored years (through 組織改編): new, continued, ended",
    )
    .requiredOption('--department <name>', '担当部局名 (or its id)')
    .option('--municipality <code-or-name>', 'when several municipalities are stored')
    .option('--json', 'print the chains as JSON')
    .action(async (options: LineageOptions) => {
      const db = await openMigratedDatabase(loadConfig().database);
      try {
        const municipality = await findExistingMunicipality(db.kysely, options.municipality);
        const department = await requireDepartment(db.kysely, municipality.id, options.department);
        const history = await goalsAcrossYears(db.kysely, department.id);
        process.stdout.write(options.json ? `${JSON.stringify(history, null, 2)}\n` : formatHistory(history));
      } finally {
        await db.destroy();
      }
    });
}

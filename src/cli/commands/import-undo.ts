import { loadConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { UndoRefusedError, undoImportAsOperator } from '../../importer/import-undo.service.ts';
import { openMigratedDatabase } from '../../operations/open-database.ts';

/**
 * `mokuhyo import --undo ID` (issue 9, item 5e): puts back every block that import wrote. Kept apart
 * from import.ts so the import command only routes here. A refusal (already undone, block changed
 * since) is input the operator must look at: exit 2 with the English reason.
 */
export async function runImportUndo(idText: string, options: { json?: boolean }): Promise<void> {
  const importId = Number(idText);
  if (!/^[1-9][0-9]*$/.test(idText) || !Number.isSafeInteger(importId)) {
    throw new AppError('INVALID_INPUT', `--undo takes an import id (a positive integer), not "${idText}"`, {
      field: '--undo',
    });
  }
  const db = await openMigratedDatabase(loadConfig().database);
  try {
    const result = await undoImportAsOperator(db.kysely, importId).catch((error: unknown) => {
      if (error instanceof UndoRefusedError) {
        throw new AppError('INVALID_INPUT', error.english, { field: '--undo' }, { cause: error });
      }
      throw error;
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    process.stdout.write(`import ${importId} undone: ${result.blocks.length} block(s) restored\n`);
    for (const b of result.blocks)
      process.stdout.write(`  ${b.block} ${b.fiscalYear} (department ${b.departmentId})\n`);
  } finally {
    await db.destroy();
  }
}

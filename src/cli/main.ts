import { Command } from 'commander';
import { AppError, exitCodeOf } from '../errors.ts';

type Register = (program: Command) => void;

/**
 * Each command's module is imported only when that command runs (or its own --help is asked for):
 * `mokuhyo --help` or `mokuhyo import` must not load the web app, echarts or playwright.
 * The descriptions here are only for the top-level help; the command's module defines the rest.
 */
const commands: Record<string, { description: string; load: () => Promise<Register> }> = {
  import: {
    description:
      'read 一覧表 files (PDF with a text layer, text extraction in UTF-8 or Shift_JIS, Excel, or interchange JSON) and store them',
    load: async () => (await import('./commands/import.ts')).registerImport,
  },
  export: {
    description: "write stored 一覧表: one department's (--department) or the whole city's (--all)",
    load: async () => (await import('./commands/export.ts')).registerExport,
  },
  evaluate: {
    description:
      "a year's targets against its achievements: rates, grades, 未報告; one department or the city",
    load: async () => (await import('./commands/evaluate.ts')).registerEvaluate,
  },
  lineage: {
    description:
      "follow a department's goals across the stored years (through 組織改編): new, continued, ended",
    load: async () => (await import('./commands/lineage.ts')).registerLineage,
  },
  policies: {
    description:
      'the comprehensive plan (総合計画): import its policy tree, tie goals to policies, read goals by policy',
    load: async () => (await import('./commands/policies.ts')).registerPolicies,
  },
  serve: {
    description: 'serve the web application (PORT, default 3000; DATABASE_URL)',
    load: async () => (await import('./commands/serve.ts')).registerServe,
  },
  reminders: {
    description: 'deadline reminders for the yearly workflow',
    load: async () => (await import('./commands/reminders.ts')).registerReminders,
  },
  user: {
    description: 'manage accounts',
    load: async () => (await import('./commands/user.ts')).registerUser,
  },
  backup: {
    description: 'write the whole database (DATABASE_URL) to one file, while the server keeps serving',
    load: async () => (await import('./commands/backup.ts')).registerBackup,
  },
  restore: {
    description:
      'replace the database (DATABASE_URL) with a backup, in one transaction; stop the servers first',
    load: async () => (await import('./commands/restore.ts')).registerRestore,
  },
  db: {
    description: 'database operations',
    load: async () => (await import('./commands/db-copy.ts')).registerDbCopy,
  },
};

/** The command the arguments name (`mokuhyo help <command>` too), if it is one of ours. */
function chosen(args: string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(commands, name) ? name : undefined;
}

const program = new Command()
  .name('mokuhyo')
  .description('重点目標一覧表: import, store, export and serve municipal priority goals')
  .showHelpAfterError();

try {
  const name = chosen(process.argv.slice(2));
  for (const [each, command] of Object.entries(commands)) {
    // The chosen command is registered in full; the others only as names for help and suggestions.
    if (each === name) (await command.load())(program);
    else program.command(each).description(command.description);
  }
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
  if (error instanceof AppError) {
    process.stderr.write(`mokuhyo: error: ${error.describe()}\n`);
  } else {
    process.stderr.write(
      `mokuhyo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}

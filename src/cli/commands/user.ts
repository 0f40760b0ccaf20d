import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { type Role, roles, systemActor } from '../../domain/auth/actor.ts';
import { createUser } from '../../domain/auth/user.service.ts';
import { findExistingMunicipality } from '../../domain/municipalities/municipality.service.ts';
import { AppError } from '../../errors.ts';
import { openMigratedDatabase } from '../../operations/open-database.ts';

interface UserAddOptions {
  role: string;
  department?: string;
  passwordStdin?: boolean;
  displayName?: string;
  municipality?: string;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an account (the first admin, too); the password is read from standard input')
    .argument('<login>', 'login id: a–z, 0–9, ".", "_", "-"')
    .requiredOption('--role <role>', roles.join(' | '))
    .option('--department <name>', 'for editor and approver: the department they act for')
    .option(
      '--password-stdin',
      'read the password from standard input (required: no password on the command line)',
    )
    .option('--display-name <name>', 'name shown in the product')
    .option('--municipality <code-or-name>', 'when several municipalities are stored')
    .action(async (login: string, options: UserAddOptions) => {
      if (!(roles as readonly string[]).includes(options.role)) {
        throw new AppError('INVALID_INPUT', `--role must be one of ${roles.join(', ')}`, { field: 'role' });
      }
      if (!options.passwordStdin) {
        throw new AppError('INVALID_INPUT', 'give the password on standard input with --password-stdin', {
          field: 'password',
        });
      }
      const password = (await readStdin()).replace(/\r?\n$/, '');
      const db = await openMigratedDatabase(loadConfig().database);
      try {
        const municipality = await findExistingMunicipality(db.kysely, options.municipality);
        await db.kysely.transaction().execute((trx) =>
          createUser(trx, systemActor(municipality.id), {
            login,
            password,
            role: options.role as Role,
            department: options.department,
            displayName: options.displayName,
          }),
        );
        process.stdout.write(`created ${login.toLowerCase()} (${options.role}) in ${municipality.name}\n`);
      } finally {
        await db.destroy();
      }
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

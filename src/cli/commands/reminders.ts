import type { Command } from 'commander';
import { loadConfig, loadMailConfig } from '../../config.ts';
import { mailSettingsFrom } from '../../domain/workflow/mailer.ts';
import { DEFAULT_DAYS_BEFORE } from '../../domain/workflow/reminder-plan.ts';
import { sendReminders } from '../../domain/workflow/reminders.service.ts';
import { AppError } from '../../errors.ts';
import { openMigratedDatabase } from '../../operations/open-database.ts';

interface SendOptions {
  now?: string;
  dryRun?: boolean;
  daysBefore: string;
  baseUrl?: string;
}

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const now = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(now.getTime())) {
    throw new AppError(
      'INVALID_INPUT',
      `--now must be an ISO instant such as 2026-05-25T00:00:00+09:00, not "${text}"`,
      {
        field: 'now',
      },
    );
  }
  return now;
}

/**
 * `mokuhyo reminders send`, for cron on ONE host: app servers are stateless and never send, so
 * reminders go out once however many servers run. Safe to rerun: what was sent is recorded.
 */
export function registerReminders(program: Command): void {
  const reminders = program.command('reminders').description('deadline reminders for the yearly workflow');
  reminders
    .command('send')
    .description('create inbox reminders (and e-mail them when SMTP_URL is set) for deadlines near or past')
    .option('--now <iso>', 'judge deadlines at this instant instead of the current time')
    .option('--dry-run', 'print what would be sent; record and send nothing')
    .option(
      '--days-before <n>',
      'first reminder this many days before a deadline',
      String(DEFAULT_DAYS_BEFORE),
    )
    .option('--base-url <url>', 'origin for links in e-mail (default: MOKUHYO_BASE_URL)')
    .action(async (options: SendOptions) => {
      const now = parseNow(options.now);
      const daysBefore = Number(options.daysBefore);
      if (!Number.isInteger(daysBefore) || daysBefore < 0 || daysBefore > 90) {
        throw new AppError('INVALID_INPUT', '--days-before must be a whole number from 0 to 90', {
          field: 'days-before',
        });
      }
      const mail = mailSettingsFrom();
      const db = await openMigratedDatabase(loadConfig().database);
      try {
        const report = await sendReminders(db.kysely, now, mail.mailer, {
          daysBefore,
          dryRun: options.dryRun,
          from: mail.from,
          baseUrl: options.baseUrl ?? loadMailConfig().baseUrl,
        });
        for (const s of report.sent) {
          process.stdout.write(`${s.channel}\t${s.login}\t${s.kind}\t${s.message}\n`);
        }
        const verb = options.dryRun ? 'would send' : 'sent';
        const mailNote = mail.mailer ? `${report.emails} e-mails` : 'no e-mail (SMTP_URL is not set)';
        process.stdout.write(`${verb} ${report.notifications} inbox reminders, ${mailNote}\n`);
        if (report.failedEmails > 0) {
          process.stderr.write(`mokuhyo: ${report.failedEmails} e-mails failed; the next run retries them\n`);
          process.exitCode = 1;
        }
      } finally {
        await db.destroy();
      }
    });
}

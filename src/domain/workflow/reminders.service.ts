import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { logger } from '../../logger.ts';
import type { Mailer } from './mailer.ts';
import { insertNotifications } from './notification.repo.ts';
import { claimReminder, type ReminderLogKey, releaseReminder, reminderLogged } from './reminder-log.repo.ts';
import { DEFAULT_DAYS_BEFORE, type DueReminder, dueReminders } from './reminder-plan.ts';

export interface ReminderOptions {
  /** Days before a deadline the first reminder goes out (default 7). */
  daysBefore?: number;
  /** Report what would be sent; write and send nothing. */
  dryRun?: boolean;
  /** Sender address for e-mail. */
  from?: string;
  /** Absolute origin for links in e-mail (e.g. https://mokuhyo.example.jp); paths only without it. */
  baseUrl?: string;
}

export interface ReminderReport {
  /** Inbox entries created (or, dry run, that would be). */
  notifications: number;
  emails: number;
  failedEmails: number;
  sent: Array<{ login: string; channel: 'inbox' | 'email'; kind: 'before' | 'overdue'; message: string }>;
}

type Channel = 'inbox' | 'email';

function logKey(r: DueReminder, channel: Channel): ReminderLogKey {
  return {
    user_id: r.user.id,
    department_id: r.departmentId,
    fiscal_year_id: r.fiscalYearId,
    phase: r.phase,
    due_date: r.dueDate,
    kind: r.kind,
    channel,
  };
}

/** Claims a reminder in the log; false when it was sent before (the unique key makes reruns no-ops). */
function claim(db: Kysely<Database>, r: DueReminder, channel: Channel, now: Date): Promise<boolean> {
  return claimReminder(db, logKey(r, channel), now.toISOString());
}

function alreadySent(db: Kysely<Database>, r: DueReminder, channel: Channel): Promise<boolean> {
  return reminderLogged(db, logKey(r, channel));
}

function release(db: Kysely<Database>, r: DueReminder, channel: Channel): Promise<void> {
  return releaseReminder(db, logKey(r, channel));
}

/**
 * Deadline reminders: an inbox entry always, an e-mail too when a mailer is given and the user has an
 * address. Idempotent: what was sent is logged, so a second run sends nothing new. Run by one sender
 * (the CLI, from cron) so that several app servers never each send.
 */
export async function sendReminders(
  db: Kysely<Database>,
  now: Date,
  mailer?: Mailer,
  options: ReminderOptions = {},
): Promise<ReminderReport> {
  const report: ReminderReport = { notifications: 0, emails: 0, failedEmails: 0, sent: [] };
  const due = await dueReminders(db, now, options.daysBefore ?? DEFAULT_DAYS_BEFORE);
  for (const r of due) {
    const note = (channel: Channel) =>
      report.sent.push({ login: r.user.login, channel, kind: r.kind, message: r.message });
    if (options.dryRun) {
      if (!(await alreadySent(db, r, 'inbox'))) {
        report.notifications += 1;
        note('inbox');
      }
      if (mailer && r.user.email && !(await alreadySent(db, r, 'email'))) {
        report.emails += 1;
        note('email');
      }
      continue;
    }
    const created = await inTransaction(db, async (trx) => {
      if (!(await claim(trx, r, 'inbox', now))) return false;
      await insertNotifications(trx, [
        {
          municipality_id: r.municipalityId,
          user_id: r.user.id,
          kind: r.kind === 'overdue' ? 'deadline_overdue' : 'deadline_soon',
          department_id: r.departmentId,
          fiscal_year_id: r.fiscalYearId,
          phase: r.phase,
          message: r.message,
          link: r.link,
        },
      ]);
      return true;
    });
    if (created) {
      report.notifications += 1;
      note('inbox');
    }
    const email = r.user.email;
    if (!mailer || !email || !(await claim(db, r, 'email', now))) continue;
    try {
      await mailer.sendMail({
        from: options.from ?? 'mokuhyo@localhost',
        to: email,
        subject: r.subject,
        text: `${r.message}\n\n${options.baseUrl ? new URL(r.link, options.baseUrl).href : r.link}\n`,
      });
      report.emails += 1;
      note('email');
    } catch (error) {
      // Release the claim so the next run tries this e-mail again.
      await release(db, r, 'email');
      report.failedEmails += 1;
      logger.warn({ err: error, user: r.user.login }, 'reminder e-mail failed');
    }
  }
  return report;
}

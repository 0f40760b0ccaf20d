import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Db, openDatabase, parseDatabaseUrl } from '../../db/database.ts';
import { setEveryEmail } from '../../test-support/seed.ts';
import type { Mailer } from './mailer.ts';
import { sendReminders } from './reminders.service.ts';
import { type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

/**
 * `reminders send` started by cron on two hosts at the same minute: two senders, each with its own
 * connections, race over the same due reminders. The reminder log's unique key decides: each inbox
 * entry and each e-mail goes out once.
 */
const skip =
  parseDatabaseUrl(process.env.DATABASE_URL).engine !== 'postgres' &&
  'two hosts share a PostgreSQL (set DATABASE_URL=postgres://…); a SQLite file has one host, and two synchronous connections in one process cannot overlap';

let f: WorkflowFixture;
let other: Db;
before(async () => {
  if (skip) return;
  f = await workflowFixture();
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2027 });
  await setEveryEmail(f.db.kysely, f.municipalityId, 'staff@city.example.jp');
  other = openDatabase(parseDatabaseUrl(f.db.url));
});
after(async () => {
  if (skip) return;
  await other.destroy();
  await f.db.destroy();
});

function countingMailer(): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async sendMail(message) {
      sent.push(`${message.to} ${message.text}`);
      return {};
    },
  };
}

test('two senders at once: every reminder lands once in the inbox and is mailed once', { skip }, async () => {
  const now = new Date('2027-05-24T00:00:00+09:00');
  const mailers = [countingMailer(), countingMailer()] as const;
  const reports = await Promise.all([
    sendReminders(f.db.kysely, now, mailers[0]),
    sendReminders(other.kysely, now, mailers[1]),
  ]);
  const inbox = await f.db.kysely
    .selectFrom('notification')
    .select(['user_id', 'department_id', 'phase', 'kind'])
    .where('kind', 'in', ['deadline_soon', 'deadline_overdue'])
    .execute();
  assert.equal(inbox.length, 2, 'both departments’ editors, once each');
  const keys = inbox.map((n) => `${n.user_id}/${n.department_id}/${n.phase}/${n.kind}`);
  assert.equal(new Set(keys).size, keys.length);
  assert.equal(reports[0].notifications + reports[1].notifications, inbox.length);
  const mailed = [...mailers[0].sent, ...mailers[1].sent];
  assert.equal(mailed.length, inbox.length, 'one e-mail per reminder');
  assert.equal(reports[0].emails + reports[1].emails, mailed.length);
});

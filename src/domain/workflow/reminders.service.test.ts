import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import { setEmail } from '../../test-support/seed.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { type Mailer, mailSettingsFrom } from './mailer.ts';
import { sendReminders } from './reminders.service.ts';
import { transition } from './transition.service.ts';
import { type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

let f: WorkflowFixture;
before(async () => {
  f = await workflowFixture();
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2027 });
  await setEmail(f.db.kysely, f.actors.editorOwn.userId, 'soumu-editor@city.example.jp');
});
after(async () => {
  await f.db.destroy();
});

/** nodemailer's JSON transport: builds the message, talks to no network. */
function capturingMailer() {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sent: Array<{ to: string; subject: string; text: string }> = [];
  const mailer: Mailer = {
    async sendMail(message) {
      const info = await transport.sendMail(message);
      const built = JSON.parse(String(info.message)) as {
        to: Array<{ address: string }>;
        subject: string;
        text: string;
      };
      sent.push({ to: built.to[0]?.address ?? '', subject: built.subject, text: built.text });
      return info;
    },
  };
  return { mailer, sent };
}

const inboxOf = (userId: number) =>
  f.db.kysely.selectFrom('notification').selectAll().where('user_id', '=', userId).orderBy('id').execute();

test('without SMTP_URL there is no mailer, so no mail is attempted', async () => {
  assert.equal(mailSettingsFrom({}).mailer, undefined);
  assert.equal(mailSettingsFrom({ SMTP_URL: '  ' }).mailer, undefined);
  assert.equal(mailSettingsFrom({ MAIL_FROM: 'kikaku@city.example.jp' }).from, 'kikaku@city.example.jp');
  // 2027-05-24 00:00 in Tokyo, still 05-23 in UTC: seven days before 5月末.
  const report = await sendReminders(f.db.kysely, new Date('2027-05-23T15:00:00Z'), undefined, {
    dryRun: true,
  });
  assert.equal(report.emails, 0);
  assert.equal(report.notifications, 2, 'both departments’ editors would be reminded');
});

test('nothing is due eight days before the deadline (Tokyo calendar)', async () => {
  const report = await sendReminders(f.db.kysely, new Date('2027-05-23T14:59:59Z'), capturingMailer().mailer);
  assert.deepEqual([report.notifications, report.emails], [0, 0]);
});

test('seven days before: inbox for every editor, e-mail for those with an address; a rerun sends nothing', async () => {
  const { mailer, sent } = capturingMailer();
  const now = new Date('2027-05-23T15:00:00Z');
  const first = await sendReminders(f.db.kysely, now, mailer, { from: 'kikaku@city.example.jp' });
  assert.deepEqual([first.notifications, first.emails, first.failedEmails], [2, 1, 0]);
  assert.equal(sent[0]?.to, 'soumu-editor@city.example.jp');
  assert.match(sent[0]?.subject ?? '', /期限のお知らせ/);
  assert.match(sent[0]?.text ?? '', /2027年5月31日です（あと7日）/);
  const inbox = await inboxOf(f.actors.editorOwn.userId);
  assert.equal(inbox.at(-1)?.kind, 'deadline_soon');
  const second = await sendReminders(f.db.kysely, new Date('2027-05-28T00:00:00Z'), mailer);
  assert.deepEqual([second.notifications, second.emails], [0, 0], 'idempotent');
  assert.equal(sent.length, 1);
});

test('after the deadline: one overdue reminder, to whoever holds the phase', async () => {
  const fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2027)) ?? -1;
  const { version } = await f.db.kysely
    .selectFrom('phase_status')
    .select('version')
    .where('department_id', '=', f.own)
    .where('fiscal_year_id', '=', fy)
    .where('phase', '=', 'goal_setting')
    .executeTakeFirstOrThrow();
  // 総務部 submitted: its approver now holds it; 健康福祉部 still a draft with its editor.
  await transition(f.db.kysely, f.actors.editorOwn, {
    departmentId: f.own,
    year: 2027,
    phase: 'goal_setting',
    action: 'submit',
    version,
  });
  const onTheDay = await sendReminders(f.db.kysely, new Date('2027-05-31T14:59:59Z'));
  assert.equal(
    onTheDay.sent.filter((s) => s.kind === 'overdue').length,
    0,
    'the deadline day is not overdue',
  );
  const late = await sendReminders(f.db.kysely, new Date('2027-05-31T15:00:00Z'));
  assert.deepEqual(late.sent.map((s) => `${s.login}:${s.kind}`).sort(), [
    'approverown:overdue',
    'editorother:overdue',
  ]);
  assert.equal((await inboxOf(f.actors.approverOwn.userId)).at(-1)?.kind, 'deadline_overdue');
  const again = await sendReminders(f.db.kysely, new Date('2027-06-10T00:00:00Z'));
  assert.equal(again.notifications, 0);
});

test('a failed e-mail is released and sent by the next run', async () => {
  await setEmail(f.db.kysely, f.actors.editorOther.userId, 'kenko@city.example.jp');
  const failing: Mailer = { sendMail: async () => Promise.reject(new Error('SMTP down')) };
  const now = new Date('2027-06-02T00:00:00Z');
  const failed = await sendReminders(f.db.kysely, now, failing);
  assert.equal(failed.failedEmails, 1);
  const { mailer, sent } = capturingMailer();
  const retried = await sendReminders(f.db.kysely, now, mailer);
  assert.equal(retried.emails, 1);
  assert.equal(sent[0]?.to, 'kenko@city.example.jp');
  assert.match(sent[0]?.subject ?? '', /期限超過/);
});

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { setEveryEmail } from '../../test-support/seed.ts';
import { TS_IMPORT } from '../../test-support/ts-import.ts';
import { type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

let f: WorkflowFixture;
before(async () => {
  f = await workflowFixture();
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2027 });
  await setEveryEmail(f.db.kysely, f.municipalityId, 'editor@city.example.jp');
});
after(async () => {
  await f.db.destroy();
});

/** The real command (as main.ts registers it) in a child process, in another time zone, without SMTP. */
async function cli(...args: string[]) {
  const script = `import { Command } from 'commander';
    import { registerReminders } from ${JSON.stringify(new URL('../../cli/commands/reminders.ts', import.meta.url).href)};
    const program = new Command().exitOverride();
    registerReminders(program);
    await program.parseAsync(process.argv);`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: f.db.url,
    TZ: 'America/Los_Angeles',
    LOG_LEVEL: 'warn',
  };
  delete env.SMTP_URL;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', TS_IMPORT, '--input-type=module', '-e', script, 'x', ...args],
    { env },
  );
  return stdout;
}

test('reminders send: dry run, then a real run, then a rerun that sends nothing', async () => {
  const at = ['reminders', 'send', '--now', '2027-05-24T00:00:00+09:00'];
  const dry = await cli(...at, '--dry-run');
  assert.match(dry, /would send 2 inbox reminders, no e-mail \(SMTP_URL is not set\)/);
  assert.equal(
    await f.db.kysely.selectFrom('reminder_log').select('id').executeTakeFirst(),
    undefined,
    'dry run records nothing',
  );
  assert.match(
    await cli(...at),
    /^inbox\teditorown\tbefore\t総務部の令和9年度目標設定の期限は2027年5月31日です（あと7日）/m,
  );
  assert.match(await cli(...at), /sent 0 inbox reminders/);
  const channels = await f.db.kysely.selectFrom('reminder_log').select('channel').distinct().execute();
  assert.deepEqual(
    channels.map((c) => c.channel),
    ['inbox'],
    'no mail without SMTP_URL although users have addresses',
  );
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TS_IMPORT } from '../../test-support/ts-import.ts';
import { daysLeft, defaultDeadlines, isOverdue, parseDueDate, tokyoDate } from './deadline-clock.ts';

/** Instants around Tokyo midnights, where a local-time mistake would show. */
const cases = [
  '2027-05-23T14:59:59Z',
  '2027-05-23T15:00:00Z',
  '2027-05-31T14:59:59Z',
  '2027-05-31T15:00:00Z',
  '2028-03-31T15:00:00Z',
];

function decide(): string[] {
  return cases.map((iso) => {
    const now = new Date(iso);
    return `${tokyoDate(now)} ${daysLeft('2027-05-31', now)} ${isOverdue('2027-05-31', now)}`;
  });
}

const expected = [
  '2027-05-23 8 false',
  '2027-05-24 7 false',
  '2027-05-31 0 false',
  '2027-06-01 -1 true',
  '2028-04-01 -306 true',
];

test('days left and overdue are judged on the Tokyo calendar', () => {
  assert.deepEqual(decide(), expected);
  assert.deepEqual(defaultDeadlines(2026), {
    goal_setting: '2026-05-31',
    interim: '2026-10-31',
    final: '2027-04-30',
  });
  assert.equal(parseDueDate(' 2028-02-29 '), '2028-02-29');
  assert.throws(() => parseDueDate('2027-02-29'));
  assert.throws(() => parseDueDate('2027/05/31'));
});

test('the same decisions in a process whose zone is America/Los_Angeles', () => {
  const script = `import { daysLeft, isOverdue, tokyoDate } from ${JSON.stringify(new URL('./deadline-clock.ts', import.meta.url).href)};
    const cases = ${JSON.stringify(cases)};
    console.log(JSON.stringify(cases.map((iso) => { const now = new Date(iso);
      return tokyoDate(now) + ' ' + daysLeft('2027-05-31', now) + ' ' + isOverdue('2027-05-31', now); })));`;
  const out = execFileSync(process.execPath, ['--import', TS_IMPORT, '--input-type=module', '-e', script], {
    env: { ...process.env, TZ: 'America/Los_Angeles' },
    encoding: 'utf8',
  });
  assert.deepEqual(JSON.parse(out), expected);
});

test('workflow code never reads local-time fields', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const local = /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds)\(|getTimezoneOffset/;
  const offenders = readdirSync(dir)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .filter((n) => local.test(readFileSync(`${dir}${n}`, 'utf8')));
  assert.deepEqual(offenders, []);
});

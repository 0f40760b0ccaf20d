import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { AppError } from '../../errors.ts';
import { type ParsedSource, readSourceAsync } from '../read-source.ts';

/**
 * The property every reader must have (issue 13, defect 16): any input either parses or is refused
 * with an AppError — never another exception — and within a time budget. A quadratic parser shows up
 * as a budget overrun on the larger generated inputs long before it would hang CI. The budget is CPU
 * time of this process, not wall time: a loaded CI machine stretches the clock, not the work done.
 */
/** JavaScript engine wording that means a library tripped over the input rather than refusing it. */
const LIBRARY_INTERNALS =
  /Cannot (read|set) properties of|is not a function|is not iterable|Maximum call stack|Invalid array length|A Cell needs a Row|Invalid row number/;

export type Outcome = { parsed: ParsedSource } | { refused: AppError };

export async function parsesOrRefuses(name: string, bytes: Uint8Array, budgetMs: number): Promise<Outcome> {
  const started = process.cpuUsage();
  let outcome: Outcome;
  try {
    outcome = { parsed: await readSourceAsync(name, bytes) };
  } catch (error) {
    if (!(error instanceof AppError)) {
      const shown = error instanceof Error ? (error.stack ?? error.message) : String(error);
      assert.fail(`${name} (${bytes.length} bytes) threw something other than an AppError:\n${shown}`);
    }
    assert.doesNotMatch(error.message, LIBRARY_INTERNALS, `${name}: a refusal in the library's words`);
    outcome = { refused: error };
  }
  const used = process.cpuUsage(started);
  const elapsed = (used.user + used.system) / 1000;
  assert.ok(
    elapsed <= budgetMs,
    `${name} (${bytes.length} bytes) took ${Math.round(elapsed)} ms of CPU > ${budgetMs} ms`,
  );
  return outcome;
}

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

const FIXTURES = new URL('../text/fixtures/', import.meta.url);

/** The committed text fixtures (good and bad): realistic starting points for mutation. */
export const textFixtures: readonly string[] = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(f, FIXTURES), 'utf8')),
  ...readdirSync(new URL('bad/', FIXTURES)).map((f) => readFileSync(new URL(`bad/${f}`, FIXTURES), 'utf8')),
];

/** Words of the format, so random text reaches past the first header check. */
export const FORMAT_TOKENS = [
  '重点目標一覧表',
  '担当部局名',
  '担当部局名 総務部',
  '【令和4年度重点目標】',
  '【令和5年度重点目標】',
  '【平成31年度重点目標】',
  '【重点目標】',
  '重点目標',
  '具体的な重点取組項目（箇条書き）',
  '達成状況・達成度',
  '期限・数値目標等',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '<p>',
  '</p>',
  '<p ',
  '①',
  '②',
  '㊿',
  '(1)',
  '・',
  '（北部地域自治センター）',
  '【豊殿、塩田地域自治センター】',
  '1',
  '12',
  '1,200件以上',
  '80%を目指す',
  '4,200千円',
  '9'.repeat(309),
  '令和5年3月',
  '\u3000',
  '\uFEFF',
];

export const formatText = fc
  .array(fc.oneof(fc.constantFrom(...FORMAT_TOKENS), fc.string({ maxLength: 8, unit: 'grapheme' })), {
    maxLength: 80,
  })
  .map((parts) => parts.join(''));

/** One edit to a text: the damage files suffer (cut short, a slice lost or doubled, a token dropped in). */
export const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: formatText }),
);
export type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

export function applyEdit(text: string, edit: TextEdit): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'duplicate':
      return text.slice(0, at + edit.length) + text.slice(at);
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
  }
}

/** fast-check settings: a fixed seed in CI would only ever test the same inputs, so none; failures print theirs. */
export const runs = (numRuns: number) => ({ numRuns, endOnFailure: true });

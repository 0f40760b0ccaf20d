import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Goal, IchiranDocument } from '../../format/document.schema.ts';
import { decodeInput } from '../decode.ts';
import { parseIchiranText } from './parse-text.ts';

// The shared seeds live beside the repository (../shared/seeds); other checkouts may lack them.
const seedsDir = new URL('../../../../shared/seeds/', import.meta.url);
const bare = (text: string | undefined): string | undefined => text?.replace(/\s+/g, '');

/** What must match, whitespace-insensitively; quantities are another module's business. */
function comparable(goals: readonly Goal[]): unknown {
  return goals.map((goal) => ({
    no: goal.no,
    title: bare(goal.title),
    items: goal.items.map((item) => ({
      no: item.no,
      unit: bare(item.unit),
      text: bare(item.text),
      achievement: bare(item.achievement),
      target: bare(item.target),
    })),
  }));
}

function seedNames(): string[] {
  if (!existsSync(seedsDir)) return [];
  const files = new Set(readdirSync(seedsDir));
  return [...files]
    .filter((f) => f.endsWith('.txt') && files.has(f.replace(/\.txt$/, '.expected.json')))
    .sort();
}

describe('the shared seeds', () => {
  const names = seedNames();
  if (names.length === 0) {
    it('parses every seed', (t) => t.skip(`no seeds in ${seedsDir.pathname}`));
    return;
  }
  for (const name of names) {
    it(`${name} matches its .expected.json`, () => {
      const doc = parseIchiranText(decodeInput(readFileSync(new URL(name, seedsDir))));
      const expectedPath = new URL(name.replace(/\.txt$/, '.expected.json'), seedsDir);
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as IchiranDocument;
      assert.equal(bare(doc.department), bare(expected.department));
      assert.equal(doc.review.fiscalYear, expected.review.fiscalYear);
      assert.equal(doc.plan.fiscalYear, expected.plan.fiscalYear);
      assert.deepEqual(comparable(doc.review.goals), comparable(expected.review.goals));
      assert.deepEqual(comparable(doc.plan.goals), comparable(expected.plan.goals));
      const messages = (warnings: IchiranDocument['warnings']): string[] =>
        warnings.map((w) => w.message).sort();
      assert.deepEqual(messages(doc.warnings), messages(expected.warnings));
      assert.ok(
        doc.warnings.every((w) => w.line !== undefined && w.line >= 1),
        'warnings name their line',
      );
    });
  }

  it('reports the duplicate ② of the first seed on its line', {
    skip: !names.includes('000_e224602d88f71594.txt'),
  }, () => {
    const doc = parseIchiranText(decodeInput(readFileSync(new URL('000_e224602d88f71594.txt', seedsDir))));
    assert.deepEqual(doc.warnings, [{ message: 'goal 7: target numbering ② appears twice', line: 47 }]);
  });
});

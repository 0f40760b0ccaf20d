/** Test helpers: the committed PDF fixtures and the documents they were printed from. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Goal, IchiranDocument } from '../../format/document.schema.ts';
import { fillQuantities } from '../../quantities/fill.ts';

export const fixturesDir = new URL('./fixtures/', import.meta.url);
export const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(name, fixturesDir)));
/**
 * The document a fixture was printed from, its quantities read again by today's extractor: they are
 * derived from the texts, so a change to the quantity rules must not need the PDFs printed again.
 */
export const sourceOf = (name: string) =>
  fillQuantities(
    JSON.parse(readFileSync(new URL(`${name}.source.json`, fixturesDir), 'utf8')) as IchiranDocument,
  );

/** A hand-written expected document (`<name>.expected.json`), its quantities read by today's extractor. */
export const expectedOf = (name: string) =>
  fillQuantities(
    JSON.parse(readFileSync(new URL(`${name}.expected.json`, fixturesDir), 'utf8')) as IchiranDocument,
  );

/**
 * Field by field. A PDF does not keep a space where a line wraps (nothing is drawn for it), so the
 * texts are compared without whitespace; everything else exactly.
 */
export function assertSameDocument(got: IchiranDocument, want: IchiranDocument): void {
  const bare = (text: string | undefined) => text?.replace(/\s+/g, '');
  assert.equal(got.department, want.department, 'department');
  for (const block of ['review', 'plan'] as const) {
    assert.equal(got[block].fiscalYear, want[block].fiscalYear, `${block} year`);
    const shape = (goals: readonly Goal[]) =>
      goals.map((g) => ({
        no: g.no,
        title: g.title,
        items: g.items.map((i) => ({
          no: i.no,
          unit: i.unit,
          text: bare(i.text),
          achievement: bare(i.achievement),
          target: bare(i.target),
          quantities: i.quantities?.map((q) => ({ value: q.value, unit: q.unit, comparator: q.comparator })),
        })),
      }));
    assert.deepEqual(shape(got[block].goals), shape(want[block].goals), `${block} goals`);
  }
}

import { type DiffSegment, diffWords } from '../lineage/diff.ts';
import type { ContentGoal, ContentItem, PhaseContent } from './content.repo.ts';

export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface ItemChange {
  change: Change;
  /** The item's number now (or before, for a removed one). */
  no: number;
  text: DiffSegment[];
  note: DiffSegment[];
}

export interface GoalChange {
  change: Change;
  no: number;
  title: DiffSegment[];
  items: ItemChange[];
  assessment: DiffSegment[];
}

const changed = (segments: DiffSegment[]) => segments.some((s) => s.op !== 'same');

/**
 * Pairs what came before with what is there now: by the id they share (the same goal edited), else by
 * the id it was copied from (last year's goal carried on), else by number; the rest stand alone.
 */
function pair<T extends { id: number; no: number; copiedFrom?: number | null }>(
  before: readonly T[],
  after: readonly T[],
): Array<[T | undefined, T | undefined]> {
  const left = new Set(before);
  const take = (found: T | undefined) => {
    if (found) left.delete(found);
    return found;
  };
  const find = (test: (b: T) => boolean) => take([...left].find(test));
  const matched = after.map((a) => [a, find((b) => b.id === a.id)] as [T, T | undefined]);
  for (const m of matched) if (!m[1] && m[0].copiedFrom) m[1] = find((b) => b.id === m[0].copiedFrom);
  for (const m of matched) if (!m[1]) m[1] = find((b) => b.no === m[0].no);
  return [
    ...matched.map(([a, b]) => [b, a] as [T | undefined, T]),
    ...[...left].map((b) => [b, undefined] as [T, undefined]),
  ];
}

function changeOf(before: unknown, after: unknown, parts: DiffSegment[][]): Change {
  if (!before) return 'added';
  if (!after) return 'removed';
  return parts.some(changed) ? 'changed' : 'same';
}

function itemChange(before: ContentItem | undefined, after: ContentItem | undefined): ItemChange {
  const text = diffWords(before?.text ?? '', after?.text ?? '');
  const note = diffWords(before?.note ?? '', after?.note ?? '');
  return { change: changeOf(before, after, [text, note]), no: (after ?? before)?.no ?? 0, text, note };
}

function goalChange(before: ContentGoal | undefined, after: ContentGoal | undefined): GoalChange {
  const title = diffWords(before?.title ?? '', after?.title ?? '');
  const assessment = diffWords(before?.assessment ?? '', after?.assessment ?? '');
  const items = pair(before?.items ?? [], after?.items ?? []).map(([b, a]) => itemChange(b, a));
  const itemsChanged = items.some((i) => i.change !== 'same');
  const change = changeOf(before, after, [title, assessment]);
  return {
    change: change === 'same' && itemsChanged ? 'changed' : change,
    no: (after ?? before)?.no ?? 0,
    title,
    items,
    assessment,
  };
}

/** Word-level changes from one content to another, goal by goal and item by item. */
export function diffContent(before: PhaseContent, after: PhaseContent): GoalChange[] {
  return pair(before.goals, after.goals).map(([b, a]) => goalChange(b, a));
}

import type { DiffSegment } from '../../domain/lineage/diff.ts';

/**
 * A word-level diff as text with <ins>/<del>; screen readers hear where each change starts and ends,
 * as on the lineage page.
 */
export function WordDiff({ segments }: { segments: DiffSegment[] }) {
  return (
    <>
      {segments.map((s) => {
        if (s.op === 'added') {
          return (
            <ins>
              <span class="visually-hidden">［追加］</span>
              {s.text}
              <span class="visually-hidden">［追加ここまで］</span>
            </ins>
          );
        }
        if (s.op === 'removed') {
          return (
            <del>
              <span class="visually-hidden">［削除］</span>
              {s.text}
              <span class="visually-hidden">［削除ここまで］</span>
            </del>
          );
        }
        return s.text;
      })}
    </>
  );
}

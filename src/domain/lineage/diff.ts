export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** Japanese words (Node's ICU dictionary): 自治|基本|条例|に|基づく|参加|と|… — spaces kept as segments. */
export function segmentWords(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Above this many cells the LCS table would cost more than the diff is worth: fall back to one replace. */
const MAX_CELLS = 4_000_000;

/**
 * Word-level diff of two wordings: the longest common subsequence of their word segments, with
 * runs of the same op joined. Concatenating `same`+`removed` gives `before`, `same`+`added` gives `after`.
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = segmentWords(before);
  const b = segmentWords(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const middle = lcsOps(a.slice(start, endA), b.slice(start, endB));
  const ops: DiffSegment[] = [
    ...a.slice(0, start).map((text) => ({ op: 'same' as const, text })),
    ...middle,
    ...a.slice(endA).map((text) => ({ op: 'same' as const, text })),
  ];
  return join(ops);
}

function lcsOps(a: string[], b: string[]): DiffSegment[] {
  const [n, m] = [a.length, b.length];
  if (n * m > MAX_CELLS) {
    return [
      ...a.map((text) => ({ op: 'removed' as const, text })),
      ...b.map((text) => ({ op: 'added' as const, text })),
    ];
  }
  // lengths[i][j] = LCS of a[i..] and b[j..], flattened row by row.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const ops: DiffSegment[] = [];
  let [i, j] = [0, 0];
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ op: 'same', text: a[i] as string });
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      ops.push({ op: 'removed', text: a[i] as string });
      i += 1;
    } else {
      ops.push({ op: 'added', text: b[j] as string });
      j += 1;
    }
  }
  for (; i < n; i += 1) ops.push({ op: 'removed', text: a[i] as string });
  for (; j < m; j += 1) ops.push({ op: 'added', text: b[j] as string });
  return ops;
}

/** Joins runs of one op; between two unchanged stretches, all removals come before all additions. */
function join(ops: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ op: 'removed', text: removed });
    if (added) out.push({ op: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const { op, text } of ops) {
    if (op === 'removed') removed += text;
    else if (op === 'added') added += text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'same') last.text += text;
      else out.push({ op, text });
    }
  }
  flush();
  return out;
}

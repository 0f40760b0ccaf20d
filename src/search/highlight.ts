import { foldWithMap } from './fold.ts';
import type { VariantDictionary } from './variants.ts';

export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * Splits the ORIGINAL text into hit and non-hit segments: the terms are found in the folded text
 * and each match is mapped back through the fold's offset map, so `〜` in a query marks `～`
 * and 寄付 marks 寄附 (with the dictionary the text's municipality folds with).
 */
export function highlight(original: string, terms: string[], dictionary?: VariantDictionary): Segment[] {
  if (original.length === 0) return [];
  const folded = foldWithMap(original, dictionary);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (term.length === 0) continue;
    for (let at = folded.text.indexOf(term); at >= 0; at = folded.text.indexOf(term, at + 1)) {
      const start = folded.starts[at];
      const end = folded.ends[at + term.length - 1];
      if (start !== undefined && end !== undefined) ranges.push([start, end]);
    }
  }
  return toSegments(original, merge(ranges));
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function toSegments(text: string, ranges: Array<[number, number]>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) segments.push({ text: text.slice(at, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false });
  return segments;
}

export function hasHit(segments: Segment[]): boolean {
  return segments.some((s) => s.hit);
}

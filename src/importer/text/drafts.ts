/** Internal shapes of a goal side while its rows are being read. */
import type { Block } from '../../format/document.schema.ts';

export interface DraftItem {
  no: number;
  unit: string | undefined;
  parts: string[];
  line: number;
}

export interface DraftNote {
  /** undefined: the note carried no circled number. */
  no: number | undefined;
  parts: string[];
  line: number;
  /** The item that was current when the note was read (-1: none yet), for unnumbered notes. */
  itemIndex: number;
}

export type Warn = (message: string, line?: number) => void;

/** How warnings and errors name a side's notes and items. */
export function noteLabel(block: Block): 'achievement' | 'target' {
  return block === 'review' ? 'achievement' : 'target';
}

export function itemsLabel(block: Block): string {
  return block === 'review' ? 'review item' : 'plan item';
}

/** Parts joined by a single space (each part is already folded). */
export function joinParts(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

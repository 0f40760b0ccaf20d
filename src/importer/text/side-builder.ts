/**
 * One side (review or plan) of one goal row, fed cell by cell: the items column and the notes
 * column. Knows titles, sub-unit headers, numbered items and continuations.
 */

import { splitLeadingCircled, toCircled } from '../../domain/vocabulary/numbering.ts';
import { AppError } from '../../errors.ts';
import type { Block, Goal } from '../../format/document.schema.ts';
import { type DraftItem, type DraftNote, itemsLabel, type Warn } from './drafts.ts';
import { attachNotes } from './notes.ts';
import { compact, quote } from './paragraphs.ts';
import { leadingUnit, unitBeforeItem, unitParagraph } from './units.ts';

const titleParagraph = /^重点目標(?:\s+|\s*[:：]\s*)(\S.*)$/;
/** The 重点目標 label as a paragraph of its own: the next paragraph is the title. */
const titleLabel = /^重点目標\s*[:：]?$/;

interface Located {
  text: string;
  line: number;
}

export class SideBuilder {
  private title: (Located & { fromRow: boolean }) | undefined;
  private readonly items: DraftItem[] = [];
  private readonly notes: DraftNote[] = [];
  /** How often each circled number has been seen, so a repeat is found without rescanning the items. */
  private readonly seenNumbers = new Map<number, number>();
  private pendingUnit: Located | undefined;
  private labelOnly = false;

  constructor(
    private readonly block: Block,
    private readonly goalNo: number,
    private readonly warn: Warn,
  ) {}

  setTitleFromRow(text: string, line: number): void {
    this.title = { text, line, fromRow: true };
  }

  addItemParagraphs(paragraphs: readonly string[], line: number): void {
    for (const paragraph of paragraphs) this.addItemParagraph(paragraph, line);
  }

  addNoteParagraphs(paragraphs: readonly string[], line: number): void {
    for (const paragraph of paragraphs) {
      const numbered = splitLeadingCircled(paragraph);
      const last = this.notes.at(-1);
      if (numbered) {
        this.notes.push({ no: numbered.no, parts: [numbered.rest], line, itemIndex: this.items.length - 1 });
      } else if (last) last.parts.push(paragraph);
      else this.notes.push({ no: undefined, parts: [paragraph], line, itemIndex: this.items.length - 1 });
    }
  }

  private addItemParagraph(paragraph: string, line: number): void {
    const flattened = unitBeforeItem(paragraph);
    if (flattened) {
      this.addItemParagraph(flattened.unit, line);
      this.addItemParagraph(flattened.item, line);
      return;
    }
    if (this.labelOnly) {
      this.labelOnly = false;
      if (!splitLeadingCircled(paragraph)) {
        this.addItemParagraph(`重点目標 ${paragraph}`, line);
        return;
      }
    }
    if (this.items.length === 0 && !this.title && titleLabel.test(paragraph)) {
      this.labelOnly = true;
      return;
    }
    const numbered = splitLeadingCircled(paragraph);
    const unit = this.pendingUnit;
    this.pendingUnit = undefined;
    // A （…センター） paragraph names the next item's unit only if an item does follow.
    if (unit && !numbered) this.continueItem(unit.text, unit.line);

    if (!numbered) {
      const title = titleParagraph.exec(paragraph);
      if (title) this.setTitleFromCell(title[1] ?? '', line);
      else if (unitParagraph(paragraph) !== undefined) this.pendingUnit = { text: paragraph, line };
      else this.continueItem(paragraph, line);
      return;
    }

    const inText = leadingUnit(numbered.rest);
    const seen = this.seenNumbers.get(numbered.no) ?? 0;
    this.seenNumbers.set(numbered.no, seen + 1);
    if (seen > 0) {
      const times = seen === 1 ? 'twice' : `${seen + 1} times`;
      this.warn(
        `goal ${this.goalNo}: ${itemsLabel(this.block)} numbering ${toCircled(numbered.no)} appears ${times}`,
        line,
      );
    }
    this.items.push({
      no: numbered.no,
      unit: inText?.unit ?? (unit ? unitParagraph(unit.text) : undefined),
      parts: [inText ? inText.rest : numbered.rest],
      line,
    });
  }

  private setTitleFromCell(text: string, line: number): void {
    const where = `goal ${this.goalNo}: ${this.block} title`;
    if (this.items.length > 0) {
      throw new AppError(
        'PARSE_ERROR',
        `${where} ${quote(text)} after the goal's items: a new goal needs its own row number`,
        { line },
      );
    }
    if (this.title && compact(this.title.text) !== compact(text)) {
      const from = this.title.fromRow
        ? `the title row on line ${this.title.line}`
        : `line ${this.title.line}`;
      throw new AppError(
        'PARSE_ERROR',
        `${where} ${quote(text)} differs from ${quote(this.title.text)} on ${from}`,
        { line },
      );
    }
    this.title ??= { text, line, fromRow: false };
  }

  private continueItem(text: string, line: number): void {
    const last = this.items.at(-1);
    if (!last) {
      throw new AppError(
        'PARSE_ERROR',
        `goal ${this.goalNo}: expected a ${itemsLabel(this.block)} starting with a circled number (①②…), found ${quote(text)}`,
        { line },
      );
    }
    last.parts.push(text);
  }

  /** The goal of this side, or undefined when the side of this row is empty. */
  build(): Goal | undefined {
    if (this.pendingUnit) {
      const { text, line } = this.pendingUnit;
      this.pendingUnit = undefined;
      this.continueItem(text, line);
    }
    if (!this.title && this.items.length === 0 && this.notes.length === 0) return undefined;
    if (!this.title) {
      const line = this.items[0]?.line ?? this.notes[0]?.line;
      this.warn(`goal ${this.goalNo}: ${this.block} title is missing`, line);
    }
    return {
      no: this.goalNo,
      title: this.title?.text ?? '',
      items: attachNotes(this.block, this.goalNo, this.items, this.notes, this.warn),
    };
  }
}

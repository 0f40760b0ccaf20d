/**
 * The body of the document, line by line: page headers (a repeat is a page break), column
 * headers, title rows and goal rows, into the goals of both years.
 */

import { AppError } from '../../errors.ts';
import type { Goal } from '../../format/document.schema.ts';
import { type BodyLine, classifyLine } from './classify.ts';
import type { Warn } from './drafts.ts';
import { GoalRow, type PendingTitles } from './goal-row.ts';
import type { DocumentHeader } from './header-reader.ts';
import { PageRepeat } from './page-repeat.ts';

export interface Body {
  review: Goal[];
  plan: Goal[];
}

class Assembler {
  private readonly review: Goal[] = [];
  private readonly plan: Goal[] = [];
  private current: GoalRow | undefined;
  private titles: PendingTitles | undefined;
  private readonly pages: PageRepeat;

  constructor(
    header: DocumentHeader,
    private readonly warn: Warn,
  ) {
    this.pages = new PageRepeat(header);
  }

  take(body: BodyLine, line: number): void {
    switch (body.kind) {
      case 'blank':
      case 'columnHeader':
        return;
      case 'pageHeader':
        this.pages.take(body.tokens, line);
        return;
      case 'titleRow':
        if (this.titles) {
          throw new AppError(
            'PARSE_ERROR',
            `expected a goal row (its row number first) after the title row on line ${this.titles.line}, found another title row`,
            { line },
          );
        }
        this.titles = { review: body.review, plan: body.plan, line };
        if (body.rowNo !== undefined) this.takeGoalRow(body.rowNo, [[], [], [], []], line);
        return;
      case 'goalRow':
        this.takeGoalRow(body.rowNo, body.cells, line);
        return;
    }
  }

  private takeGoalRow(
    rowNo: number | undefined,
    cells: Extract<BodyLine, { kind: 'goalRow' }>['cells'],
    line: number,
  ): void {
    if (rowNo === undefined) {
      if (this.titles) {
        throw new AppError(
          'PARSE_ERROR',
          `expected the goal's row number in the first cell after the title row on line ${this.titles.line}`,
          { line },
        );
      }
      if (!this.current) {
        throw new AppError(
          'PARSE_ERROR',
          'expected a goal row starting with its row number before continuation rows',
          { line },
        );
      }
      this.current.addCells(cells, line);
      return;
    }
    const previous = this.current?.no ?? 0;
    if (rowNo <= previous) {
      throw new AppError(
        'PARSE_ERROR',
        `goal row number ${rowNo} after row ${previous}: expected ${previous + 1}`,
        { line },
      );
    }
    if (rowNo > previous + 1) this.warn(`goal numbering jumps from ${previous} to ${rowNo}`, line);
    this.finishGoal();
    this.current = new GoalRow(rowNo, this.titles, this.warn);
    this.titles = undefined;
    this.current.addCells(cells, line);
  }

  private finishGoal(): void {
    const built = this.current?.build();
    if (built?.review) this.review.push(built.review);
    if (built?.plan) this.plan.push(built.plan);
  }

  finish(): Body {
    if (this.titles) {
      throw new AppError(
        'PARSE_ERROR',
        `the title row on line ${this.titles.line} is not followed by a goal row`,
        { line: this.titles.line },
      );
    }
    this.finishGoal();
    this.current = undefined;
    return { review: this.review, plan: this.plan };
  }
}

export function assembleBody(
  lines: readonly string[],
  from: number,
  header: DocumentHeader,
  warn: Warn,
): Body {
  const assembler = new Assembler(header, warn);
  for (let i = from; i < lines.length; i++) assembler.take(classifyLine(lines[i] ?? '', i + 1), i + 1);
  return assembler.finish();
}

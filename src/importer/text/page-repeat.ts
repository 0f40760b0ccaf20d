/**
 * A page header inside the body is a page break; it must repeat the first one. A different
 * department or different years means two documents were run together: an error, because
 * the rows after it would be filed under the wrong department or year.
 */
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { AppError } from '../../errors.ts';
import type { DocumentHeader } from './header-reader.ts';
import type { HeaderToken } from './page-header.ts';
import { compact } from './paragraphs.ts';

export class PageRepeat {
  /** Which year of the repeated header comes next: 0 review, 1 plan. */
  private yearIndex = 2;

  constructor(private readonly header: DocumentHeader) {}

  take(tokens: readonly HeaderToken[], line: number): void {
    for (const token of tokens) {
      if (token.kind === 'title') this.yearIndex = 0;
      else if (token.kind === 'department') this.checkDepartment(token.name, line);
      else this.checkYear(token.year, line);
    }
  }

  private checkDepartment(name: string, line: number): void {
    this.yearIndex = 0;
    if (compact(name) !== compact(this.header.department)) {
      throw new AppError(
        'PARSE_ERROR',
        `repeated page header names department 「${name}」, but the document is 「${this.header.department}」: one text holds one department's table`,
        { line },
      );
    }
  }

  private checkYear(year: number, line: number): void {
    // Extraction sometimes drops the title and department of a repeat: its review year starts it then.
    if (this.yearIndex >= 2 && year === this.header.review) this.yearIndex = 0;
    const expected = [this.header.review, this.header.plan];
    const want = expected[this.yearIndex];
    if (want === undefined) {
      throw new AppError(
        'PARSE_ERROR',
        `unexpected year marker ${formatFiscalYear(year)}: a page header holds two years`,
        { line },
      );
    }
    if (year !== want) {
      const which = this.yearIndex === 0 ? 'review' : 'plan';
      throw new AppError(
        'PARSE_ERROR',
        `repeated page header has ${which} year ${formatFiscalYear(year)}, but the document's is ${formatFiscalYear(want)}`,
        { line },
      );
    }
    this.yearIndex++;
  }
}

/**
 * The lines of one table cell (a PDF cell's visual lines, an Excel cell's line breaks) → its paragraphs:
 * a line that starts an item, a sub-item, a bullet, a unit or a title starts a paragraph; any other line
 * is the one before it wrapped. Shared by the PDF and the city-workbook readers.
 */
import { splitLeadingCircled } from '../../domain/vocabulary/numbering.ts';

/** A sub-unit's name: what `（…）` holds when it is an organisation, not a remark like （3,900千円）. */
const organisation = /(?:センター|課|係|室|所|館|局|部|園|署|班|担当|グループ|チーム|委員会|C|Ｃ)$/;
const unitParagraph = /^[（(]([^（）()]+)[）)]$/;

export function isUnitParagraph(text: string): boolean {
  const name = unitParagraph.exec(text)?.[1];
  return name !== undefined && organisation.test(name);
}

/** Sub-item numbering: (2) （２） and the parenthesized digits ⑴…⒇. */
const subItem = /^(?:[(（][0-9０-９]{1,2}[)）]|[\u2474-\u2487])/;

/** A line that starts a new paragraph of its cell; any other line is the previous one wrapped. */
export function startsParagraph(text: string): boolean {
  return (
    splitLeadingCircled(text) !== undefined ||
    /^重点目標(?:\s|[:：]|$)/.test(text) ||
    isUnitParagraph(text) ||
    subItem.test(text) ||
    /^[・○●◎■□◆◇※]/.test(text)
  );
}

/** Wrapped lines join without a space, except between two Latin words. */
export function joinWrapped(before: string, after: string): string {
  return /[A-Za-z0-9,.]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? `${before} ${after}` : before + after;
}

/** The 重点目標 label alone on its line: the title on the next line is its own word, not a wrap. */
const goalLabel = /^重点目標\s*[:：]?$/;

export function paragraphsOfLines(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  // Where, in the last paragraph, a glued line opened a parenthesis: a unit name too long for one line.
  let openedAt = -1;
  for (const text of lines) {
    const last = paragraphs.length - 1;
    const before = paragraphs[last];
    if (before === undefined || startsParagraph(text)) {
      // `（豊殿、塩田、川西地域自治セン` + `ター）` wrapped after an item, then ①: the unit of that next item.
      if (before !== undefined && openedAt > 0 && splitLeadingCircled(text)) {
        const unit = before.slice(openedAt);
        if (isUnitParagraph(unit)) paragraphs.splice(last, 1, before.slice(0, openedAt).trimEnd(), unit);
      }
      paragraphs.push(text);
      openedAt = -1;
      continue;
    }
    const joined = goalLabel.test(before) ? `${before} ${text}` : joinWrapped(before, text);
    if (/^[（(]/.test(text)) openedAt = joined.length - text.length;
    paragraphs[last] = joined;
  }
  return paragraphs;
}

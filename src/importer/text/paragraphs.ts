/**
 * Cells and paragraphs of a row. A tab row's cell is one paragraph; a `<p>` row's cell is a run
 * of `<p>…</p>`. The markup is not content; everything between it is kept as written, with
 * whitespace runs (U+3000 included, as in `\s`) folded to one space.
 */

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whitespace-free form, for comparing labels and titles that extraction may have spaced. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

// Attributes stop at the next `<` as well as at `>`: scanning to `>` from every `<p ` of a line
// that never closes one is quadratic in the line.
const paragraphOpen = /<p(?:\s[^<>]*)?>/gi;
const paragraphClose = /<\/p\s*>/gi;
const lineBreak = /<br\s*\/?>/gi;
const markup = /<\/?p(?:\s[^<>]*)?>/i;

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

// Only cells that carry HTML markup hold entities; elsewhere `&amp;` would be content.
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

export function hasMarkup(cell: string): boolean {
  return markup.test(cell);
}

/** The paragraphs of a cell, folded, empty ones dropped. */
export function cellParagraphs(cell: string): string[] {
  if (!hasMarkup(cell)) {
    const text = foldWhitespace(cell);
    return text === '' ? [] : [text];
  }
  return cell
    .replace(lineBreak, ' ')
    .replace(paragraphOpen, '\n')
    .replace(paragraphClose, '\n')
    .split('\n')
    .map((part) => foldWhitespace(decodeEntities(part)))
    .filter((part) => part !== '');
}

export function splitCells(line: string): string[] {
  return line.split('\t');
}

/** A short quote of a line for error messages. */
export function quote(text: string, max = 40): string {
  const folded = foldWhitespace(text.replace(/\t/g, ' ⇥ '));
  return `「${folded.length > max ? `${folded.slice(0, max)}…` : folded}」`;
}

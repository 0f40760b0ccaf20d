/**
 * Item and note texts arrive with whitespace folded, so the form's line breaks before
 * bullets (・ ○ …) and sub-items ((1) （2）) became single spaces. We break the line again
 * before such a marker when a space precedes it. No character is dropped: the space stays
 * at the end of the previous line, so the text content equals the data.
 */
const BREAK_BEFORE = / (?=[・○●◎◇■□※]|[(（][0-9０-９]{1,2}[)）])/u;
const ONLY_NUMBERING = /^[(（][0-9０-９]{1,2}[)）]$/u;

export function splitLines(text: string): string[] {
  const lines: string[] = [];
  for (const part of text.split(BREAK_BEFORE)) {
    const last = lines.length - 1;
    // `(1) ○移住者…`: keep the numbering on the same line as its first bullet.
    if (last >= 0 && ONLY_NUMBERING.test(lines[last] ?? '')) {
      lines[last] = `${lines[last]} ${part}`;
    } else {
      lines.push(part);
    }
  }
  return lines;
}

export function TextLines({ text }: { text: string }) {
  const lines = splitLines(text);
  return (
    <>
      {lines.map((line, i) =>
        i < lines.length - 1 ? (
          <>
            {line} <br />
          </>
        ) : (
          line
        ),
      )}
    </>
  );
}

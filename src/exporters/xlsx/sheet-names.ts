/**
 * Excel's rules for sheet names: 1–31 characters, none of []:*?/\, not starting or ending with an
 * apostrophe, unique regardless of case. Forbidden characters become their full-width forms, which
 * read the same in a Japanese department name (総務部／財政課).
 */
const MAX_LENGTH = 31;
const FULL_WIDTH: Record<string, string> = {
  '[': '［',
  ']': '］',
  ':': '：',
  '*': '＊',
  '?': '？',
  '/': '／',
  '\\': '＼',
};

/**
 * Excel refuses a name that starts or ends with an apostrophe; spaces at the edges are dropped too,
 * so a name never looks blank. Done again after truncation: cutting at 31 can expose an apostrophe.
 */
function trimEdges(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/gu, '');
}

function clean(name: string): string {
  const replaced = trimEdges(
    [...name]
      .map((c) => FULL_WIDTH[c] ?? c)
      .join('')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must go
      .replace(/[\u0000-\u001f\u007f]/g, ' '),
  );
  const cut = trimEdges(truncate(replaced, MAX_LENGTH));
  return cut === '' ? 'シート' : cut;
}

// By code points, so a truncation never splits a surrogate pair; Excel counts UTF-16 units.
function truncate(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/** Valid, unique sheet names for `names`, in order; `reserved` names are never handed out. */
export function sheetNames(names: string[], reserved: string[] = []): string[] {
  // ExcelJS (after Excel) keeps "History" for the change log, in any case.
  const taken = new Set(['history', ...reserved.map((n) => n.toLowerCase())]);
  return names.map((name) => {
    const base = clean(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      candidate = `${truncate(base, MAX_LENGTH - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

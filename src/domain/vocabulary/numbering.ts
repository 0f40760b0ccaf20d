/**
 * Circled numbers ①..㊿ number the items of a goal (① = 1), as on the official form: one definition for the
 * importer, the exporters, the pages and the CLI.
 */

// Unicode keeps them in three runs: ①-⑳, ㉑-㉟, ㊱-㊿.
const runs = [
  { from: 0x2460, to: 0x2473, first: 1 },
  { from: 0x3251, to: 0x325f, first: 21 },
  { from: 0x32b1, to: 0x32bf, first: 36 },
] as const;

export function circledValue(char: string): number | undefined {
  const code = char.codePointAt(0);
  if (code === undefined || char.length !== 1) return undefined;
  const run = runs.find((r) => code >= r.from && code <= r.to);
  return run ? run.first + code - run.from : undefined;
}

/** 2 → ②; numbers past ㊿ print as (51) so that warnings never fail. */
export function toCircled(no: number): string {
  const run = runs.find((r) => no >= r.first && no <= r.first + r.to - r.from);
  return run ? String.fromCodePoint(run.from + no - run.first) : `(${no})`;
}

/** `① text` → { no: 1, rest: 'text' }; undefined when the text does not start with a circled number. */
export function splitLeadingCircled(text: string): { no: number; rest: string } | undefined {
  const no = circledValue(text.charAt(0));
  return no === undefined ? undefined : { no, rest: text.slice(1).trim() };
}

/** The item number as printed everywhere (pages, CLI, exports): ①…㊿, past 50 a plain (51). */
export const circledNumber = toCircled;

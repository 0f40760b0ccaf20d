import { type ExtractedQuantity, extractQuantities } from './extract.ts';
import { foldWidth } from './numbers.ts';

/**
 * Which quantities of a 期限・数値目標等 text are promises (issue 10, item 6). A target text often
 * explains itself with numbers it does not promise: last year's result (`令和7年度実績2回`), a baseline
 * (`（現在8台）`, `前年度 40件`), a total the target is a part of (`未設立3地区のうち`, `全28か所中`) or a
 * figure in brackets after the target (`（全46課）`, `（累計120件）`). Those are context, and a
 * target that adds to or takes from a stated baseline is one target: `実績2回に対し1回を追加` promises
 * 3 回 (the baseline plus the increment, comparator `>=`), `実績500件に対し50件削減` promises 450 件
 * (`<=`). Its span runs from the baseline to the end of the increment, so what is shown is the
 * wording that explains the figure.
 *
 * `extractQuantities` still reads every number with a counter (format.md): achievements need them
 * all (`目標40.0%→3/1現在36.3%`), and the spec's cases hold for it unchanged.
 */

/** Words that, right before a number, say it is a reported or reference figure, not a promise. */
const REFERENCE_BEFORE =
  /(?:実績|前年度|前年|昨年度|昨年|現在|現状|基準値|基準|当初|従来|前回|今年度見込み?)(?:値)?[\s:：]*(?:は|が|の)?[\s:：]*$/;
/** `現在` right after a date is an as-of (`4月1日現在 待機児童数 0人`), not a baseline marker. */
const AS_OF_DATE = /(?:\d+日|\d+月末?|\d+\/\d+|末)[\s]*現在[\s:：]*$/;
/** Words right after a quantity that make it the reference another figure is measured against. */
const REFERENCE_AFTER =
  /^[\s、,]*(?:に対し|に対して|と比べ|と比較し|のうち|の内|中(?=[\s、,\d])|から[\s]*\d|を基準)/;
const INCREASE = /^[\s]*(?:を|の)?[\s]*(?:追加|増加|増や|増|上乗せ|拡大|拡充)/;
const DECREASE = /^[\s]*(?:を|の)?[\s]*(?:削減|減少|減ら|減)/;
/** What ends one statement within a note: a later figure in the same sentence may build on a baseline. */
const SENTENCE_END = /[。\n]|(?:^|\s)・|[○●■◆]/;

function inBracketsAfterAnother(
  folded: string,
  q: ExtractedQuantity,
  previous: ExtractedQuantity | undefined,
) {
  if (!previous) return false;
  const between = folded.slice(previous.end, q.start);
  if (SENTENCE_END.test(between)) return false;
  const opened = between.lastIndexOf('(');
  const openedJa = between.lastIndexOf('（');
  const open = Math.max(opened, openedJa);
  if (open < 0) return false;
  return !/[)）]/.test(between.slice(open));
}

/** Whether `q` explains rather than promises (see above). */
export function isContextQuantity(
  text: string,
  q: ExtractedQuantity,
  previous: ExtractedQuantity | undefined,
): boolean {
  const folded = foldWidth(text);
  const before = folded.slice(Math.max(0, q.start - 12), q.start);
  // `3/1現在36.3%` after a target is where things stand; alone, `4月1日現在 0人` is the target itself.
  if (REFERENCE_BEFORE.test(before) && (!AS_OF_DATE.test(before) || previous !== undefined)) return true;
  if (REFERENCE_AFTER.test(folded.slice(q.end))) return true;
  // A bracketed figure after the target explains it; one with its own bound is a second promise.
  return inBracketsAfterAnother(folded, q, previous) && q.comparator === '=';
}

const round = (n: number) => Number(n.toPrecision(12));

/** An increment or decrement written after a baseline in the same statement, folded into one target. */
function combine(
  text: string,
  baseline: ExtractedQuantity,
  change: ExtractedQuantity,
): ExtractedQuantity | undefined {
  const folded = foldWidth(text);
  if (change.unit !== baseline.unit || change.comparator !== '=') return undefined;
  if (SENTENCE_END.test(folded.slice(baseline.end, change.start))) return undefined;
  const after = folded.slice(change.end);
  const up = INCREASE.exec(after);
  const down = up ? null : DECREASE.exec(after);
  const word = up ?? down;
  if (!word) return undefined;
  const end = change.end + word[0].length;
  return {
    value: round(up ? baseline.value + change.value : baseline.value - change.value),
    unit: change.unit,
    comparator: up ? '>=' : '<=',
    text: text.slice(baseline.start, end),
    start: baseline.start,
    end,
  };
}

/** The targets a 期限・数値目標等 text promises, in reading order. */
export function readTargets(text: string): ExtractedQuantity[] {
  const all = extractQuantities(text);
  const out: ExtractedQuantity[] = [];
  let baseline: ExtractedQuantity | undefined;
  all.forEach((q, i) => {
    if (isContextQuantity(text, q, all[i - 1])) {
      baseline = q;
      return;
    }
    const combined = baseline ? combine(text, baseline, q) : undefined;
    baseline = undefined;
    out.push(combined ?? q);
  });
  return out;
}

export type NoteKind = 'target' | 'actual';

/** Quantities of a note: a target text yields its promises only, an achievement every figure. */
export function readNote(text: string, kind: NoteKind): ExtractedQuantity[] {
  return kind === 'target' ? readTargets(text) : extractQuantities(text);
}

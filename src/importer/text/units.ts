/**
 * Sub-units of a shared goal: a paragraph `（豊殿地域自治センター）` before an item, or a leading
 * `【豊殿、塩田、川西地域自治センター】` inside it.
 */

const parenthesised = /^[（(]\s*([^（）()]+?)\s*[）)]$/;
const bracketed = /^【\s*([^【】]+?)\s*】\s*(.*)$/;
// A bracket at the start of an item is often a tag (【新規】【継続】), which is content: only names
// of organisations count as units.
const organisation = /(センター|課|係|室|所|館|局|部|園|署|班|担当|グループ|チーム|委員会|C|Ｃ)$/;

/** The unit named by a whole paragraph `（…）`, or undefined. `(1)` is numbering, not a unit. */
export function unitParagraph(paragraph: string): string | undefined {
  const m = parenthesised.exec(paragraph);
  const unit = m?.[1];
  return unit === undefined || /^[0-9０-９]+$/.test(unit) ? undefined : unit;
}

/** `【…センター】 text` → the unit and the text without it. */
export function leadingUnit(text: string): { unit: string; rest: string } | undefined {
  const m = bracketed.exec(text);
  const unit = m?.[1];
  if (unit === undefined || !organisation.test(unit)) return undefined;
  return { unit, rest: m?.[2] ?? '' };
}

const parenthesisedBefore = /^[（(]\s*([^（）()]+?)\s*[）)]\s*(\S.*)$/;

/**
 * `（豊殿地域自治センター） ① text`: the unit's line above ① flattened into one cell by the extraction
 * (a tab row's cell is one paragraph) → the unit and the item paragraph after it. Only an organisation
 * counts, and only when an item follows: `（仮称）の検討` is text.
 */
export function unitBeforeItem(paragraph: string): { unit: string; item: string } | undefined {
  const m = parenthesisedBefore.exec(paragraph);
  const unit = m?.[1];
  const item = m?.[2];
  if (unit === undefined || item === undefined || !organisation.test(unit)) return undefined;
  return /^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/.test(item) ? { unit: `（${unit}）`, item } : undefined;
}

/**
 * Spellings of one counter, folded to one form. 人 and 名 both count people; 回 and 件 stay apart
 * (a meeting held is not a case handled), and so do 人 and 人泊.
 */
const ALIASES: Record<string, string> = {
  ヶ所: 'か所',
  ケ所: 'か所',
  カ所: 'か所',
  ヵ所: 'か所',
  箇所: 'か所',
  個所: 'か所',
  ヶ国: 'か国',
  カ国: 'か国',
  ヵ国: 'か国',
  ヶ月: 'か月',
  ケ月: 'か月',
  カ月: 'か月',
  ヵ月: 'か月',
  名: '人',
  店: '店舗',
  '㎞': 'km',
  '㎡': 'm²',
  トン: 't',
  パーセント: '%',
};

export function canonicalUnit(unit: string): string {
  return ALIASES[unit] ?? unit;
}

export function compatibleUnits(a: string, b: string): boolean {
  return canonicalUnit(a) === canonicalUnit(b);
}

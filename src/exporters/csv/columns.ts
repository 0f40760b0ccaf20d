import { comparatorLabels } from '../../domain/vocabulary/comparators.ts';

/**
 * The columns of the two open-data tables, defined once: the CSV writer reads `kind` (how a cell is
 * written and whether it is neutralised), the catalog page prints the rest as the column dictionary.
 */
export type ColumnKind = 'text' | 'number' | 'code';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  description: string;
  example: string;
  /** For `code` columns: every value the program writes. Cells are checked against it. */
  values?: readonly string[];
}

export { comparatorLabels };

export const blockCodes = ['review', 'plan'] as const;
export const blockLabels = { review: '前年度実績', plan: '当年度目標' } as const;
export const noteLabels = { review: '達成状況・達成度', plan: '期限・数値目標等' } as const;
export const quantityKindLabels = { review: '実績', plan: '目標' } as const;

const municipalityCode: ColumnSpec = {
  name: '自治体コード',
  kind: 'text',
  description:
    '全国地方公共団体コード（総務省が定める6桁。先頭5桁が都道府県・市区町村、6桁目が検査数字）。未設定の自治体は空欄。デモの「みなと台市」は架空の市のため、どの都道府県にも使われていない番号 99 で始まる 990019 を使っています',
  example: '990019',
};
const municipalityName: ColumnSpec = {
  name: '自治体名',
  kind: 'text',
  description: '自治体の名称',
  example: 'みなと台市',
};
const department: ColumnSpec = {
  name: '担当部局名',
  kind: 'text',
  description: '一覧表を作成した部局',
  example: '総務部',
};
const blockCode: ColumnSpec = {
  name: '区分コード',
  kind: 'code',
  description: 'review＝一覧表の左側（前年度の実績）、plan＝右側（当年度の目標）',
  example: 'plan',
  values: blockCodes,
};
const blockLabel: ColumnSpec = {
  name: '区分',
  kind: 'code',
  description: '区分コードの日本語表記',
  example: '当年度目標',
  values: Object.values(blockLabels),
};
const yearKeys: ColumnSpec[] = [
  {
    name: '年度（西暦）',
    kind: 'number',
    description: 'その行の年度。4月に始まる年の西暦',
    example: '2025',
  },
  { name: '年度（和暦）', kind: 'text', description: '同じ年度の和暦表記', example: '令和7年度' },
];
const goalNo: ColumnSpec = {
  name: '重点目標番号',
  kind: 'number',
  description: '一覧表の行番号（重点目標の番号）',
  example: '1',
};
const itemNo: ColumnSpec = {
  name: '取組番号',
  kind: 'number',
  description: '重点目標内の取組の番号（①は 1）',
  example: '2',
};

export const itemColumns: readonly ColumnSpec[] = [
  municipalityCode,
  municipalityName,
  department,
  blockCode,
  blockLabel,
  ...yearKeys,
  goalNo,
  { name: '重点目標', kind: 'text', description: '重点目標の名称', example: '自治体DXの推進' },
  itemNo,
  {
    name: '担当課等',
    kind: 'text',
    description: '取組を担当する課・センター等（記載がある場合のみ）',
    example: '北部地域自治センター',
  },
  {
    name: '具体的な重点取組項目',
    kind: 'text',
    description: '取組の内容（原文のまま）',
    example: '行政手続のオンライン化',
  },
  {
    name: '記述項目',
    kind: 'code',
    description: '「記述」列が一覧表のどの欄か',
    example: '期限・数値目標等',
    values: Object.values(noteLabels),
  },
  {
    name: '記述',
    kind: 'text',
    description: '前年度は達成状況・達成度、当年度は期限・数値目標等（原文のまま、ない場合は空欄）',
    example: '年度末まで オンライン申請率 45%以上',
  },
  {
    name: '数量の件数',
    kind: 'number',
    description: '記述から読み取った数量の数（数量表の行数）',
    example: '1',
  },
];

export const quantityColumns: readonly ColumnSpec[] = [
  municipalityCode,
  department,
  blockCode,
  blockLabel,
  ...yearKeys,
  goalNo,
  itemNo,
  { name: '数量番号', kind: 'number', description: '取組の記述の中での数量の順番', example: '1' },
  {
    name: '数量の種別',
    kind: 'code',
    description: '目標＝当年度の数値目標、実績＝前年度の達成状況',
    example: '目標',
    values: Object.values(quantityKindLabels),
  },
  {
    name: '値',
    kind: 'number',
    description: '数値。金額は円に換算（4,200千円 → 4200000）',
    example: '437152148',
  },
  { name: '単位', kind: 'text', description: '数値の単位・助数詞', example: '円' },
  {
    name: '比較',
    kind: 'code',
    description: '目標の向き：以上・以下・超・未満・等しい（「〜を目指す」は以上）',
    example: '以上',
    values: Object.values(comparatorLabels),
  },
  {
    name: '比較記号',
    kind: 'code',
    description: '比較の記号（>= <= > < =）。交換用JSONと同じ表記',
    example: '>=',
    values: Object.keys(comparatorLabels),
  },
  { name: '原文', kind: 'text', description: '数量を読み取った記述の部分', example: '30品目以上' },
];

import type { Goal, IchiranDocument, Item } from '../format/document.schema.ts';
import type { ParsedSource } from '../importer/read-source.ts';
import { fillQuantities } from '../quantities/fill.ts';

let counter = 0;

export function makeItem(no: number, overrides: Partial<Item> = {}): Item {
  return { no, text: `取組項目${no}の内容`, ...overrides };
}

export function makeGoal(no: number, items: Item[], title = `重点目標${no}`): Goal {
  return { no, title, items };
}

/** A plausible document: review goals with achievements, plan goals with targets, quantities filled. */
export function makeDocument(
  overrides: Partial<IchiranDocument> & { planYear?: number } = {},
): IchiranDocument {
  const planYear = overrides.planYear ?? 2023;
  const doc: IchiranDocument = {
    department: overrides.department ?? 'テスト部',
    review: overrides.review ?? {
      fiscalYear: planYear - 1,
      goals: [
        makeGoal(1, [
          makeItem(1, { achievement: '説明会を12回開催（参加者 340人）' }),
          makeItem(2, { unit: '北部地域自治センター', achievement: '補助金 4,200千円を交付' }),
        ]),
        makeGoal(2, [makeItem(1, { achievement: '計画を策定' })], '計画づくり'),
      ],
    },
    plan: overrides.plan ?? {
      fiscalYear: planYear,
      goals: [
        makeGoal(1, [
          makeItem(1, { target: '年度末まで ・説明会 10回以上' }),
          makeItem(2, { unit: '北部地域自治センター', target: '待機児童 0人以下' }),
        ]),
        makeGoal(2, [makeItem(1, { target: '80%を目指す' })], '満足度の向上'),
      ],
    },
    warnings: overrides.warnings ?? [],
  };
  return fillQuantities(doc);
}

export function sourceOf(...documents: IchiranDocument[]): ParsedSource {
  counter += 1;
  return {
    name: `fixture-${counter}.json`,
    format: 'json',
    contentHash: `hash-${counter}`,
    sizeBytes: 100,
    documents,
  };
}

/**
 * A department's table at the size that used to break bulk statements: every goal and item appears
 * in both blocks with the same wording, so lineage suggests a link for each goal and each item.
 */
export function makeLargeDocument(
  goals: number,
  itemsPerGoal: number,
  department = '大規模部',
): IchiranDocument {
  const block = (side: 'target' | 'achievement') =>
    Array.from({ length: goals }, (_, g) =>
      makeGoal(
        g + 1,
        Array.from({ length: itemsPerGoal }, (_, i) =>
          makeItem(i + 1, {
            text: `第${g + 1}目標の取組${i + 1}：地域${g + 1}-${i + 1}の支援`,
            [side]: side === 'target' ? `説明会 ${i + 1}回以上` : `説明会を${i + 1}回開催`,
          }),
        ),
        `重点目標${g + 1}：分野${g + 1}の推進`,
      ),
    );
  return makeDocument({
    department,
    review: { fiscalYear: 2022, goals: block('achievement') },
    plan: { fiscalYear: 2023, goals: block('target') },
  });
}

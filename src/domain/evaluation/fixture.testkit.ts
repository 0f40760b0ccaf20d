// Three consecutive tables of one department whose goals move between rows from year to year: the
// matcher must pair plan goals of a year with the same goals in the next year's review block.

import type { IchiranDocument } from '../../format/document.schema.ts';
import type { ParsedSource } from '../../importer/read-source.ts';
import { makeDocument, makeGoal, makeItem, sourceOf } from '../../test-support/factories.ts';

export const DEPARTMENT = '評価テスト部';

const plan2023 = [
  makeGoal(
    1,
    [
      makeItem(1, { text: '保育所の待機児童の解消', target: '待機児童数 0人以下' }),
      makeItem(2, { text: '放課後児童クラブの拡充', target: '定員 40人以上増' }),
    ],
    '子育て支援の充実',
  ),
  makeGoal(
    2,
    [
      makeItem(1, { text: '観光客の誘致', target: '観光入込客数 120万人以上' }),
      makeItem(2, {
        text: 'イベントの開催',
        target: '(1) 港まつり 来場者 5,000人以上 (2) 花火大会 来場者 8,000人以上',
      }),
    ],
    '観光振興による交流人口の拡大',
  ),
  makeGoal(
    3,
    [makeItem(1, { text: '家庭系ごみの削減', target: '一人一日当たり排出量 520g以下' })],
    'ごみの減量',
  ),
];

/** The 2023 report (in the 2024 table): rows reordered, one title reworded, sub-items reversed. */
export function review2023(tourists = '観光入込客数 126万人'): IchiranDocument['review'] {
  return {
    fiscalYear: 2023,
    goals: [
      makeGoal(
        1,
        [makeItem(1, { text: '家庭系ごみの削減', achievement: '一人一日当たり排出量 530g（R6.3月末）' })],
        'ごみの減量',
      ),
      makeGoal(
        2,
        [
          makeItem(1, { text: '保育所の待機児童の解消', achievement: '4/1現在 待機児童数 3人' }),
          makeItem(2, { text: '放課後児童クラブの拡充', achievement: '定員 1,040人（45人増）' }),
        ],
        '子育て支援の充実',
      ),
      makeGoal(
        3,
        [
          makeItem(1, { text: '観光客の誘致', achievement: tourists }),
          makeItem(2, {
            text: 'イベントの開催',
            achievement: '(2) 花火大会 来場者 9,100人 (1) 港まつり 来場者 4,200人',
          }),
        ],
        '観光交流人口の拡大に向けた観光振興',
      ),
    ],
  };
}

const plan2024 = [
  makeGoal(
    1,
    [makeItem(1, { text: '家庭系ごみの削減', target: '一人一日当たり排出量 510g以下' })],
    'ごみの減量',
  ),
  makeGoal(
    2,
    [makeItem(1, { text: '観光客の誘致', target: '観光入込客数 130万人以上' })],
    '観光振興による交流人口の拡大',
  ),
  makeGoal(
    3,
    [
      makeItem(1, { text: '保育所の待機児童の解消', target: '令和7年4月1日現在 待機児童数 0人' }),
      makeItem(2, { text: '病児保育の実施', target: '病児保育施設 1か所開設' }),
      makeItem(3, { text: '子育て応援アプリの導入' }),
    ],
    '子育て支援の充実',
  ),
  makeGoal(4, [makeItem(1, { text: '電子申請の拡大', target: '電子申請 50件以上' })], 'デジタル化の推進'),
];

const review2024: IchiranDocument['review'] = {
  fiscalYear: 2024,
  goals: [
    makeGoal(
      1,
      [
        makeItem(1, { text: '保育所の待機児童の解消', achievement: '4/1現在 待機児童数 0人' }),
        makeItem(2, { text: '病児保育の実施', achievement: '病児保育施設を1か所開設' }),
        makeItem(3, { text: '子育て応援アプリの導入', achievement: '10月に配信を開始' }),
      ],
      '子育て支援の充実',
    ),
    makeGoal(
      2,
      [makeItem(1, { text: '家庭系ごみの削減', achievement: '一人一日当たり排出量 505g' })],
      'ごみの減量',
    ),
    makeGoal(
      3,
      [makeItem(1, { text: '観光客の誘致', achievement: '観光入込客数 118万人' })],
      '観光振興による交流人口の拡大',
    ),
    makeGoal(
      4,
      [makeItem(1, { text: '防災訓練の実施', achievement: '防災訓練 参加者 2,000人' })],
      '防災力の強化',
    ),
  ],
};

const plan2025 = [
  makeGoal(1, [makeItem(1, { text: '観光客の誘致', target: '観光入込客数 135万人以上' })], '観光振興'),
];

export const table2023 = (): IchiranDocument =>
  makeDocument({
    department: DEPARTMENT,
    planYear: 2023,
    review: {
      fiscalYear: 2022,
      goals: [makeGoal(1, [makeItem(1, { achievement: '実施' })], '前年度の目標')],
    },
    plan: { fiscalYear: 2023, goals: plan2023 },
  });

export const table2024 = (tourists?: string): IchiranDocument =>
  makeDocument({
    department: DEPARTMENT,
    planYear: 2024,
    review: review2023(tourists),
    plan: { fiscalYear: 2024, goals: plan2024 },
  });

export const table2025 = (): IchiranDocument =>
  makeDocument({
    department: DEPARTMENT,
    planYear: 2025,
    review: review2024,
    plan: { fiscalYear: 2025, goals: plan2025 },
  });

export const threeYears = (): ParsedSource => sourceOf(table2023(), table2024(), table2025());

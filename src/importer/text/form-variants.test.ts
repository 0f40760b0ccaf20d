/** Form variants of other cities as their text extractions show them (format.md, "The originals"). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIchiranText } from './parse-text.ts';

const head = '重点目標一覧表\n担当部局名 総務部\n【令和元年度重点目標】\t【令和２年度重点目標】';
const p = (...paragraphs: string[]) => paragraphs.map((t) => `<p>${t}</p>`).join('');

describe('form variants in a text extraction', () => {
  it('a unit line above ① flattened into one tab cell is that item’s unit', () => {
    const doc = parseIchiranText(
      [
        head,
        '重点目標\t事務の効率化\t\t重点目標\t事務のデジタル化',
        '1\t（総務課） ① 文書管理の電子化\t① 電子決裁率80%\t（情報政策室） ① クラウドの導入\t① 5業務',
        '\t(2) 保存年限の見直し\t(2) 改定済み\t（仮称）の検討 続き\t',
      ].join('\n'),
    );
    const [review] = doc.review.goals;
    const [plan] = doc.plan.goals;
    assert.deepEqual(review?.items[0], {
      no: 1,
      unit: '総務課',
      text: '文書管理の電子化 (2) 保存年限の見直し',
      achievement: '電子決裁率80% (2) 改定済み',
    });
    assert.equal(plan?.items[0]?.unit, '情報政策室');
    // A bracket that names no organisation, with no item after it, is text.
    assert.equal(plan?.items[0]?.text, 'クラウドの導入 （仮称）の検討 続き');
    assert.deepEqual(doc.warnings, []);
  });

  it('the 重点目標 label as a paragraph of its own, the title in the next', () => {
    const doc = parseIchiranText(
      [
        head,
        `1\t${p('重点目標', '移住の促進', '① 相談会')}\t${p('① 10回')}\t${p('重点目標：', '移住・定住の促進', '① 相談会')}\t${p('① 12回以上')}`,
      ].join('\n'),
    );
    assert.equal(doc.review.goals[0]?.title, '移住の促進');
    assert.equal(doc.plan.goals[0]?.title, '移住・定住の促進');
    assert.equal(doc.plan.goals[0]?.items[0]?.target, '12回以上');
    assert.deepEqual(doc.warnings, []);
  });

  it('担当部局名 boxed left of the title on one line, 平成30年度 beside 令和元年度', () => {
    const doc = parseIchiranText(
      [
        '担当部局名：企画部\u3000\u3000重点目標一覧表',
        '【平成30年度重点目標】\t【令和元年度重点目標】',
        `1\t${p('重点目標 移住の促進', '① 相談会')}\t${p('① 10回')}\t${p('重点目標 移住の促進', '① 相談会')}\t${p('① 12回')}`,
        '担当部局名：企画部\u3000\u3000重点目標一覧表',
        '【平成30年度重点目標】\t【令和元年度重点目標】',
        `2\t\t\t${p('重点目標 新しい目標', '① 新規')}\t${p('① 1回')}`,
      ].join('\n'),
    );
    assert.equal(doc.department, '企画部');
    assert.equal(doc.review.fiscalYear, 2018);
    assert.equal(doc.plan.fiscalYear, 2019);
    // An empty review half: a new goal on the plan side only, no error, no warning.
    assert.equal(doc.review.goals.length, 1);
    assert.deepEqual(doc.plan.goals[1]?.items, [{ no: 1, text: '新規', target: '1回' }]);
    assert.deepEqual(doc.warnings, []);
  });
});

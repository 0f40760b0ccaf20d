// One check per quirk of format.md, stated directly (the fixture files are compared whole elsewhere).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { fixtureText } from './fixture-files.ts';
import { parseIchiranText } from './parse-text.ts';

const parse = (name: string): IchiranDocument => parseIchiranText(fixtureText(name));
const goal = (doc: IchiranDocument, block: 'review' | 'plan', no: number) => {
  const found = doc[block].goals.find((g) => g.no === no);
  assert.ok(found, `${block} goal ${no} exists`);
  return found;
};

describe('quirks', () => {
  it('tab rows: titles from the title row, header row starting with 重点目標 skipped', () => {
    const doc = parse('tab-rows.txt');
    assert.equal(goal(doc, 'plan', 2).title, '窓口サービスの向上とデジタル化');
    assert.equal(goal(doc, 'review', 2).items.length, 1);
  });

  it('<p> rows: paragraphs are items, markup and circled numbers are not text, U+3000 folds', () => {
    const doc = parse('p-rows.txt');
    assert.equal(doc.department, 'みどり町健康福祉部');
    assert.deepEqual(
      goal(doc, 'plan', 1).items.map((i) => i.no),
      [1, 2, 3],
    );
    assert.equal(goal(doc, 'review', 1).items[1]?.achievement, '年12回開催 延べ240人');
    assert.equal(goal(doc, 'plan', 2).items[1]?.text, '広報紙 & SNSでの周知');
  });

  it('title as the first paragraph of a <p> cell', () => {
    const doc = parse('p-title-paragraph.txt');
    assert.equal(goal(doc, 'review', 1).title, '安全な道路網の整備');
    assert.equal(goal(doc, 'plan', 1).title, '安全で快適な道路網の整備');
  });

  it('tab and <p> rows in one file, a repeated page header is a page break', () => {
    const doc = parse('mixed-page-break.txt');
    assert.equal(doc.review.goals.length, 3);
    assert.equal(
      goal(doc, 'review', 1).items[0]?.text,
      '新規就農者の支援 (1) 研修受入れ (2) 農地の貸借あっせん',
    );
    assert.equal(goal(doc, 'plan', 3).title, '商店街の活性化');
  });

  it('header rows beginning with 重点目標 and header labels on lines of their own', () => {
    const doc = parse('header-row-juten.txt');
    assert.deepEqual(
      doc.review.goals.map((g) => g.title),
      ['学力の向上', '読書活動の推進'],
    );
  });

  it('continuation rows join the previous item of their side with one space', () => {
    const doc = parse('continuation.txt');
    const [first, second] = goal(doc, 'plan', 1).items;
    assert.equal(first?.text, '資源物の分別徹底 (1) 出前講座 (2) 分別アプリの機能追加');
    assert.equal(first?.target, '(1) 15回以上 (2) アプリ登録1,500件');
    assert.equal(second?.target, '40台以上 ○ うち電動式30台');
    assert.equal(goal(doc, 'review', 1).items[1]?.achievement, '32台');
  });

  it('（…センター） paragraphs name the next item’s unit; one not followed by an item is text', () => {
    const doc = parse('unit-paragraphs.txt');
    const [first, second] = goal(doc, 'review', 1).items;
    assert.equal(first?.unit, '北みどり地域センター');
    assert.equal(second?.unit, '南みどり地域センター');
    assert.equal(second?.text, '伝統行事の継承支援 （継続）');
    assert.equal(goal(doc, 'plan', 1).items[1]?.unit, undefined);
  });

  it('a leading 【…】 naming a unit is taken out of the text; a tag like 【新規】 stays', () => {
    const doc = parse('unit-bracket.txt');
    const items = goal(doc, 'plan', 1).items;
    assert.equal(items[1]?.unit, '北部、南部支所');
    assert.equal(items[1]?.text, '・ 防災訓練の支援 ・ 備蓄品の更新');
    assert.equal(items[2]?.unit, undefined);
    assert.equal(items[2]?.text, '【新規】 避難所運営マニュアルの改訂');
  });

  it('an empty side is no goal: ended goals have no plan, new goals no review', () => {
    const doc = parse('empty-sides.txt');
    assert.deepEqual(
      doc.review.goals.map((g) => g.no),
      [1, 2],
    );
    assert.deepEqual(
      doc.plan.goals.map((g) => g.no),
      [1, 3, 4],
    );
  });

  it('a note number appearing twice keeps both texts and warns', () => {
    const doc = parse('duplicate-numbering.txt');
    assert.equal(goal(doc, 'review', 1).items[1]?.achievement, '差押 48件 収納率 98.1%');
    assert.deepEqual(doc.warnings[0], { message: 'goal 1: achievement numbering ② appears twice', line: 9 });
    assert.deepEqual(doc.warnings[1], { message: 'goal 2: target numbering ② appears twice', line: 11 });
  });

  it('a note without an item is kept as an item with empty text, and warned about', () => {
    const doc = parse('orphan-note.txt');
    assert.deepEqual(goal(doc, 'plan', 1).items[1], { no: 2, text: '', target: '2km以上' });
    assert.deepEqual(
      doc.warnings.map((w) => w.message),
      ['goal 1: achievement ③ has no matching item', 'goal 1: target ② has no matching item'],
    );
    assert.equal(goal(doc, 'review', 2).items[0]?.achievement, '訪問 120世帯、うち接続 18世帯');
  });

  it('平成 and 元年 years, full-width digits, years on one line', () => {
    const doc = parse('heisei-gannen.txt');
    assert.equal(doc.review.fiscalYear, 2018);
    assert.equal(doc.plan.fiscalYear, 2019);
    assert.equal(doc.department, 'みどり町会計課');
    assert.equal(doc.review.goals[0]?.no, 1);
  });
});

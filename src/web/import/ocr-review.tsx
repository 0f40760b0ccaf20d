/**
 * On the import preview of a scan read with OCR: that it was read by OCR and is kept as a draft,
 * and the paragraphs OCR was unsure of, highlighted, with where they are in the table, so the
 * person checks those first against the paper. Nothing for any other import.
 */

import { circledNumber } from '../../domain/vocabulary/numbering.ts';
import type { IchiranDocument, ImportWarning } from '../../format/document.schema.ts';
import { OCR_NOTICE, readByOcr } from '../../importer/pdf/ocr/ocr-notice.ts';
import { parseUncertainWarning, type UncertainPlace } from '../../importer/pdf/ocr/uncertain.ts';

const SIDE = { review: '前年度', plan: '今年度' } as const;
const FIELD = {
  title: '重点目標名',
  text: '取組項目',
  achievement: '達成状況・達成度',
  target: '期限・数値目標等',
} as const;

function placeText(p: UncertainPlace): string {
  const side = p.block ? SIDE[p.block] : '';
  if (p.goal === undefined) return `${p.page}ページ ${side}（表の中の位置は特定できませんでした）`;
  const item = p.item === undefined ? '' : ` ${circledNumber(p.item)}`;
  return `${p.page}ページ ${side} 重点目標${p.goal}${item} ${FIELD[p.field ?? 'title']}`;
}

/**
 * The warnings a preview lists beside the OCR review: all but what the review itself shows (the OCR
 * notice and each unsure paragraph), so nothing is said twice. Every warning for any other import.
 */
export function warningsBesideOcrReview(doc: IchiranDocument): ImportWarning[] {
  if (!readByOcr(doc)) return doc.warnings;
  return doc.warnings.filter(
    (w) => !w.message.endsWith(OCR_NOTICE) && parseUncertainWarning(w.message) === undefined,
  );
}

/** The paragraphs OCR was unsure of, with their places, as the review lists them. */
export function uncertainPlaces(doc: IchiranDocument): UncertainPlace[] {
  return doc.warnings.flatMap((w) => parseUncertainWarning(w.message) ?? []);
}

export function OcrReview({ document: doc }: { document: IchiranDocument }) {
  if (!readByOcr(doc)) return null;
  const places = uncertainPlaces(doc);
  return (
    <div class="ocr-review" role="note">
      <h3>スキャン画像から文字認識（OCR）で読み取りました</h3>
      <p>
        文字の読み違いがあり得ます。保存すると<strong>作成中（下書き）</strong>
        になり、公表済みとしては取り込めません。保存後に原本と照らして各欄を確かめ、直してから提出してください。
      </p>
      {places.length > 0 ? (
        <table class="ocr-review__cells">
          <caption>読み取りが不確かな箇所（{places.length} 件）: まずここを確かめてください</caption>
          <thead>
            <tr>
              <th scope="col">場所</th>
              <th scope="col">読み取った文字</th>
              <th scope="col">確からしさ</th>
            </tr>
          </thead>
          <tbody>
            {places.map((p) => (
              <tr>
                <td>{placeText(p)}</td>
                <td>
                  <mark class="ocr-uncertain">{p.text}</mark>
                </td>
                <td>{p.confidence}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>読み取りが特に不確かな箇所はありませんでした。</p>
      )}
    </div>
  );
}

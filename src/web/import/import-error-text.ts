import type { AppError } from '../../errors.ts';
import { QUANTITY_RANGE_MESSAGE } from '../../format/quantity-range.ts';
import { INVALID_UTF8_MESSAGE } from '../../importer/decode.ts';
import { EMPTY_FILE_MESSAGE, WORD_FILE_MESSAGE, XLS_FILE_MESSAGE } from '../../importer/file-kind.ts';
import { looksLikePdf } from '../../importer/pdf/read-pdf.ts';
import { DAMAGED_WORKBOOK_MESSAGE } from '../../importer/xlsx/cells.ts';
import { XLS_CONVERSION_MESSAGE } from '../../importer/xlsx/convert-xls.ts';
import { NO_TABLE_MESSAGE } from '../../importer/xlsx/read-workbook.ts';
import { TOO_COMPLEX_TEXT } from './too-complex.ts';

export type UploadKind = 'text' | 'json' | 'xlsx' | 'pdf';

/** What kind of file the bytes are, as the reader decides it (xlsx = ZIP; PDF has %PDF-; JSON starts with { or [). */
export function uploadKindOf(bytes: Uint8Array): UploadKind {
  if (looksLikePdf(bytes)) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < Math.min(bytes.length, start + 1024); i += 1) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return b === 0x7b || b === 0x5b ? 'json' : 'text';
  }
  return 'text';
}

/**
 * A refused upload in Japanese: what is wrong, where, and what to do next (issue 13, defect 10). The
 * readers' English messages and codes go to the log; the page shows only this.
 */
export function importErrorText(error: AppError, kind: UploadKind): string {
  const { line, column, field, cell } = error.location;
  if (error.code === 'IMPORT_TOO_COMPLEX') return TOO_COMPLEX_TEXT;
  const mistaken = mistakenFileText(error.message);
  if (mistaken) return mistaken;
  if (/must follow the review year/.test(error.message)) {
    const where =
      kind === 'xlsx' && field ? `（シート「${field}」${line === undefined ? '' : `の${line}行目`}）` : '';
    return `年度の見出しが続いた2つの年度になっていません${where}。左に前年度、右にその翌年度（例：【令和6年度重点目標】と【令和7年度重点目標】）を書いてから、もう一度取り込んでください。`;
  }
  if (error.code === 'NO_TEXT_LAYER') {
    return 'この PDF には文字のデータがありません（紙をスキャンした画像の PDF です）。元の Excel ファイルから「名前を付けて保存」で PDF を作り直して取り込むか、Excel ファイル（.xlsx）をそのまま取り込んでください。';
  }
  if (kind === 'pdf') {
    const page = error.location.page;
    return `PDF を一覧表として読み取れませんでした${page === undefined ? '' : `（${page}ページ目）`}。重点目標一覧表の様式（担当部局名・年度・番号・取組項目・達成状況・数値目標の列）の PDF か確かめ、読み取れない場合は元の Excel ファイル（.xlsx）を取り込んでください。`;
  }
  if (error.message.startsWith(INVALID_UTF8_MESSAGE)) {
    return `${line}行目に UTF-8 として読めないバイトがあります（ファイルの一部が壊れているか、別の文字コードで保存された文字が混じっています）。この行の文字化けしている箇所を直すか、ファイル全体を UTF-8 で保存し直してから、もう一度取り込んでください。`;
  }
  if (kind === 'xlsx') {
    const where = [field && `シート「${field}」`, cell && `セル ${cell}`].filter(Boolean).join('の');
    if (error.message.startsWith(NO_TABLE_MESSAGE)) {
      return 'Excel ファイルのどのシートにも重点目標一覧表が見つかりませんでした。一覧表のシートに「担当部局名」、2つの年度（例：令和6年度・令和7年度）、列の見出し（具体的な重点取組項目・達成状況・達成度・期限・数値目標等）があるか確かめ、一覧表の入った Excel ファイルを選んでから、もう一度取り込んでください。';
    }
    if (error.message.startsWith(DAMAGED_WORKBOOK_MESSAGE)) {
      return `Excel ファイルを読み取れませんでした${where ? `（${where}）` : ''}。ファイルが壊れているか、.xlsx 形式ではありません。Excel で開いて「.xlsx」形式で保存し直すか、このシステムから出力した Excel ファイルを使ってください。`;
    }
    return `Excel ファイルが一覧表の様式になっていません${where ? `（${where}${line === undefined || cell ? '' : `の${line}行目`}）` : ''}。このシステムから出力した Excel の様式（見出し・列の並び）のまま入力してから、もう一度取り込んでください。`;
  }
  if (kind === 'json') {
    if (error.code === 'PARSE_ERROR' && column !== undefined) {
      return `JSON の書き方に誤りがあります（${line}行目、${column}文字目）。その位置の括弧・カンマ・引用符を確認して直すか、このシステムから出力した JSON をそのまま使ってください。`;
    }
    if (error.message.endsWith(QUANTITY_RANGE_MESSAGE)) {
      return `数値が大きすぎるか桁数が多すぎます（${field}）。数量の値は絶対値1000兆以下・20桁以内にしてから、もう一度取り込んでください。`;
    }
    return `JSON の内容が交換用 JSON の形式に合いません${field ? `（${field}）` : ''}。このシステムから出力した JSON の形式に合わせて直してから、もう一度取り込んでください。`;
  }
  if (line !== undefined) {
    return `${line}行目を一覧表として読み取れませんでした。PDF から取り出したテキストのこの行（下に表示）を確認し、見出しや区切り（タブ）を直してから、もう一度取り込んでください。`;
  }
  return '重点目標一覧表として読み取れませんでした。一覧表を PDF から取り出したテキスト、このシステムから出力した Excel、または交換用 JSON を選んでください。';
}

/** Files picked by mistake (file-kind.ts): what they are and what to pick instead. */
function mistakenFileText(message: string): string | undefined {
  if (message.startsWith(EMPTY_FILE_MESSAGE)) {
    return 'ファイルが空です（0バイト）。一覧表の入ったファイルを選び直してから、もう一度取り込んでください。';
  }
  if (message.startsWith(WORD_FILE_MESSAGE)) {
    return 'Word の文書（.docx・.doc）は取り込めません。Word で開いて「名前を付けて保存」から PDF として保存するか、部局の Excel ファイル（.xlsx）を選んでから、もう一度取り込んでください。';
  }
  if (message.startsWith(XLS_FILE_MESSAGE) || message.startsWith(XLS_CONVERSION_MESSAGE)) {
    return '.xls 形式は読み込めません。Excel で『名前を付けて保存』から .xlsx 形式で保存し直してから取り込んでください。';
  }
  return undefined;
}

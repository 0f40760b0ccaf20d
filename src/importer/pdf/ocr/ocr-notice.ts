/**
 * The mark an OCR reading carries: its first warning. It keeps the reading a draft (a person checks
 * it against the paper and submits it through the workflow): import.service refuses to store it as
 * published history. Small and free of the OCR engine, so the import service can load it cheaply.
 */

import { AppError } from '../../../errors.ts';
import type { IchiranDocument } from '../../../format/document.schema.ts';

export const OCR_NOTICE =
  'read by OCR from page images (there is no text layer): OCR misreads characters; it is kept as a draft: check every cell against the paper before submitting';

export function readByOcr(doc: Pick<IchiranDocument, 'warnings'>): boolean {
  return doc.warnings.some((w) => w.message.endsWith(OCR_NOTICE));
}

/** An OCR reading is never loaded as published history: nobody has checked it yet. */
export function assertNotOcrPublished(doc: Pick<IchiranDocument, 'warnings'>, file: string): void {
  if (!readByOcr(doc)) return;
  throw new AppError(
    'INVALID_INPUT',
    'スキャン画像から文字認識（OCR）で読み取った一覧表は、公表済みとして取り込めません。チェックを外して作成中（下書き）として取り込み、原本と照らして直してから提出してください。',
    { file, field: 'published' },
  );
}

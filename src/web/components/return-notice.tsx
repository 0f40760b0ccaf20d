export interface ReturnNote {
  comment: string;
  by: string;
  /** Tokyo wall-clock time, formatted. */
  at: string;
  reviewHref: string;
}

/** The 差し戻し comment, on the page where the editor fixes what it asks for. */
export function ReturnNotice({ note }: { note: ReturnNote }) {
  return (
    <section class="editor-notice return-notice" aria-labelledby="return-notice-title">
      <h2 id="return-notice-title">
        差し戻されました（{note.at}、{note.by}）
      </h2>
      <p class="return-notice__comment">{note.comment}</p>
      <p>
        理由に沿って修正し、手続きの画面から再提出してください。{' '}
        <a href={note.reviewHref}>差し戻した版からの変更を確認する</a>
      </p>
    </section>
  );
}

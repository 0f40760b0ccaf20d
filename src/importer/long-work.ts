/**
 * Work known to be slow (OCR of a scanned page: tens of seconds) announces itself, so the upload
 * worker's time budget (isolated/read-isolated.ts) makes room for it instead of calling the file
 * too complex. Outside a worker nobody listens and announcing costs nothing.
 */
type Listener = (extraMs: number) => void;

let listener: Listener | undefined;

export function onLongWork(fn: Listener | undefined): void {
  listener = fn;
}

export function announceLongWork(extraMs: number): void {
  listener?.(extraMs);
}

/**
 * The page images of a waiting PDF upload, for the preview: drawn once in a worker (renderPagesIsolated)
 * and kept in this process for the few uploads being checked now. Not stored: a waiting upload lives a
 * day at most and its images are only for the person who uploaded it (callers check that first, with
 * loadPendingUpload or loadPendingImport).
 */
import { logger } from '../../logger.ts';
import type { PageImage } from '../isolated/messages.ts';
import { renderPagesIsolated } from '../isolated/read-isolated.ts';
import { looksLikePdf } from '../pdf/read-pdf.ts';

export type PageImages =
  /** Not a PDF: there is no page to show. */
  | { status: 'none' }
  /** A PDF whose pages could not be drawn: the preview says so and still shows the table. */
  | { status: 'failed' }
  | { status: 'ready'; pages: PageImage[] };

/** About 12 pages × 400 KB each: a handful of uploads is a few tens of MB at most. */
const MAX_KEPT = 8;
const kept = new Map<string, Promise<PageImages>>();

export function pendingPageImages(pending: {
  token: string;
  name: string;
  bytes: Uint8Array;
}): Promise<PageImages> {
  if (!looksLikePdf(pending.bytes)) return Promise.resolve({ status: 'none' });
  const known = kept.get(pending.token);
  if (known) {
    // Most recently used last: the oldest is dropped first.
    kept.delete(pending.token);
    kept.set(pending.token, known);
    return known;
  }
  const drawing = oneAtATime(() => renderPagesIsolated(pending.name, pending.bytes)).then(
    (pages): PageImages => ({ status: 'ready', pages }),
    (error: unknown): PageImages => {
      logger.warn(
        { file: pending.name, error: String(error) },
        'PDF pages could not be drawn for the preview',
      );
      return { status: 'failed' };
    },
  );
  kept.set(pending.token, drawing);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_KEPT) break;
    kept.delete(oldest);
  }
  return drawing;
}

/**
 * Several files in one upload would otherwise start a worker each at once: they take turns, so the
 * server's other requests keep a core (the machine may have two).
 */
const AT_ONCE = 1;
let running = 0;
const waiting: (() => void)[] = [];

async function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  // A finishing task hands its turn straight to the next one waiting.
  if (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** The upload was stored or excluded: its images are not needed any more. */
export function forgetPageImages(token: string): void {
  kept.delete(token);
}

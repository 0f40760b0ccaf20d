/** What passes between read-isolated.ts and its worker (structured clone: plain data only). */
import type { ErrorCode, ErrorLocation } from '../../errors.ts';
import type { RenderOptions } from '../pdf/page-render.ts';
import type { ParsedSource } from '../read-source.ts';

/** Read the file (the default task), or draw a PDF's pages as PNG images. */
export type WorkerRequest =
  | { task?: 'read'; name: string; bytes: Uint8Array }
  | { task: 'render'; name: string; bytes: Uint8Array; options: RenderOptions };

/** A drawn page as it crosses the thread boundary (a Buffer arrives as a plain Uint8Array). */
export interface PageImage {
  page: number;
  png: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
}

export type WorkerReply =
  /**
   * Sent once a request is taken up: the budget counts from here, not from the worker's start. Sent
   * again with extraMs when known slow work begins (OCR): the budget then runs again from there, longer.
   */
  | { started: true; extraMs?: number }
  | { started?: undefined; ok: true; source: ParsedSource }
  | { started?: undefined; ok: true; pages: PageImage[] }
  /** code is absent for an error that was not an AppError (a bug): message then holds its stack. */
  | { started?: undefined; ok: false; code?: ErrorCode; message: string; location?: ErrorLocation };

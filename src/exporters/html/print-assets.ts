import { readFileSync } from 'node:fs';
import type { Env, Hono, Schema } from 'hono';

/** The print documents' own stylesheet (cover, contents, page breaks); the table itself uses app.css and print.css. */
export const PRINT_DOCUMENT_CSS_URL = '/assets/print-document.css';

let css: Uint8Array<ArrayBuffer> | undefined;

function printDocumentCss(): Uint8Array<ArrayBuffer> {
  css ??= new Uint8Array(readFileSync(new URL('./print-document.css', import.meta.url)));
  return css;
}

/** Serves the stylesheet from the app itself, like registerStatic: the web print view and the PDF renderer share it. */
export function registerPrintAssets<E extends Env, S extends Schema, B extends string>(
  app: Hono<E, S, B>,
): void {
  app.get(PRINT_DOCUMENT_CSS_URL, (c) =>
    c.body(printDocumentCss(), 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    }),
  );
}

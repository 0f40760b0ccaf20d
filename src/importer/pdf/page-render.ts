/**
 * PDF pages → PNG images (pdfjs-dist legacy build drawing on @napi-rs/canvas, which pdfjs installs as
 * its optional dependency for Node). Used to read scans with OCR and to show pages beside a preview.
 */
import { createCanvas } from '@napi-rs/canvas';
import { openPdf } from './extract.ts';

export interface RenderedPage {
  page: number;
  png: Buffer;
  width: number;
  height: number;
}

/**
 * `scale` is pixels per PDF point (1 = 72 dpi; the default 300/72 is the ~300 dpi OCR reads best);
 * `pages` are 1-based page numbers (default: every page), rendered in the order given.
 */
export async function renderPdfPages(
  data: Uint8Array,
  options: { scale?: number; pages?: number[] } = {},
): Promise<RenderedPage[]> {
  const scale = options.scale ?? 300 / 72;
  const doc = await openPdf(data);
  try {
    const numbers = options.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const out: RenderedPage[] = [];
    for (const number of numbers) {
      if (!Number.isInteger(number) || number < 1 || number > doc.numPages) continue;
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      // A scan has no background of its own everywhere: paint white so OCR sees dark on light.
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: context as unknown as CanvasRenderingContext2D,
        viewport,
      }).promise;
      out.push({ page: number, png: canvas.toBuffer('image/png'), width, height });
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

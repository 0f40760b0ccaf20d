/**
 * A PDF's pages as PNG images, for the clerk who checks the parsed table against its source. pdfjs-dist's
 * legacy build draws with @napi-rs/canvas (its optional dependency) in Node. Japanese text needs the
 * predefined CMaps (unembedded fonts such as UniJIS-UCS2-H) and the standard font data, given as paths.
 * This is CPU work: the web calls it through importer/isolated, never on the request thread.
 */
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../errors.ts';

export interface RenderedPage {
  page: number;
  png: Buffer;
  width: number;
  height: number;
}

export interface RenderOptions {
  /** 1.3 makes an A4 landscape page about 1100 px wide: the small print of a 一覧表 stays readable. */
  scale?: number;
  /** 1-based page numbers; pages past the end are skipped. Default: the first MAX_RENDERED_PAGES. */
  pages?: number[];
  /** OCR reads every page of a scan at 300 dpi: it raises both bounds (its worker has its own budget). */
  maxPages?: number;
  maxPixels?: number;
}

export const DEFAULT_SCALE = 1.3;
/** A 一覧表 is a few pages; more than this is not rendered (time and memory are bounded). */
export const MAX_RENDERED_PAGES = 12;
/** Whatever the caller asks, no page is drawn larger than this (a huge MediaBox would ask gigabytes). */
const MAX_PIXELS = 4_000_000;

/** Where pdfjs finds its data files in Node: plain paths ending in a slash. */
const assets = (folder: string) =>
  fileURLToPath(new URL(`${folder}/`, import.meta.resolve('pdfjs-dist/package.json')));

/** pdfjs loads its worker module itself when none is set up; loaded once here, like extract.ts does. */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const pdfjsGlobal = globalThis as { pdfjsWorker?: unknown };
pdfjsGlobal.pdfjsWorker ??= await import(WORKER_MODULE);

/** The canvas pdfjs makes in Node (@napi-rs/canvas): only what is used here. */
interface NodeCanvas {
  width: number;
  height: number;
  encode(format: 'png'): Promise<Buffer>;
}
interface CanvasFactory {
  create(width: number, height: number): { canvas: NodeCanvas; context: CanvasRenderingContext2D };
}

export async function renderPdfPages(
  data: Uint8Array,
  options: RenderOptions = {},
): Promise<Array<{ page: number; png: Buffer; width: number; height: number }>> {
  const scale = options.scale ?? DEFAULT_SCALE;
  let doc: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    doc = await getDocument({
      // pdfjs takes ownership of (detaches) the buffer it is given.
      data: new Uint8Array(data),
      cMapUrl: assets('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: assets('standard_fonts'),
      wasmUrl: assets('wasm'),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new AppError('NOT_A_DOCUMENT', 'the PDF is damaged or is not a PDF', {}, { cause: error });
  }
  try {
    const maxPages = options.maxPages ?? MAX_RENDERED_PAGES;
    const wanted = (options.pages ?? range(Math.min(maxPages, doc.numPages)))
      .filter((n) => Number.isInteger(n) && n >= 1 && n <= doc.numPages)
      .slice(0, maxPages);
    const rendered: RenderedPage[] = [];
    for (const number of wanted) {
      const page = await doc.getPage(number);
      const natural = page.getViewport({ scale: 1 });
      const fit = Math.sqrt((options.maxPixels ?? MAX_PIXELS) / (natural.width * natural.height));
      const viewport = page.getViewport({ scale: Math.min(scale, fit) });
      const factory = doc.canvasFactory as CanvasFactory;
      const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvasContext: context, canvas: canvas as never, viewport, background: 'white' })
        .promise;
      rendered.push({
        page: number,
        png: await canvas.encode('png'),
        width: canvas.width,
        height: canvas.height,
      });
      page.cleanup();
    }
    return rendered;
  } finally {
    await doc.destroy();
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

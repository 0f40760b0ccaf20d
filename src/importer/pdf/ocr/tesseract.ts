/**
 * The one place that knows whether OCR can run: Debian's tesseract-ocr with its Japanese data
 * (tesseract-ocr-jpn) on PATH, and MOKUHYO_OCR not off. Never required: without it a scan is
 * refused as NO_TEXT_LAYER, exactly as before OCR existed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ocrEnabledFrom } from '../../../config.ts';

const run = promisify(execFile);

/** What the reader needs of tesseract: its word boxes (TSV) for one page image. */
export interface OcrEngine {
  /** TSV as `tesseract … tsv` writes it: one row per page/block/paragraph/line/word. */
  recognise(png: Buffer): Promise<string>;
}

let found: Promise<boolean> | undefined;

/** tesseract on PATH knows `jpn` (asked once per process). */
function tesseractWithJapanese(): Promise<boolean> {
  found ??= run('tesseract', ['--list-langs'], { timeout: 10_000 })
    .then(({ stdout, stderr }) => /^jpn$/m.test(`${stdout}\n${stderr}`))
    .catch(() => false);
  return found;
}

/** The engine, or undefined when OCR is switched off or tesseract/jpn is not installed. */
export async function ocrEngine(env: NodeJS.ProcessEnv = process.env): Promise<OcrEngine | undefined> {
  if (!ocrEnabledFrom(env)) return undefined;
  if (!(await tesseractWithJapanese())) return undefined;
  return { recognise };
}

/**
 * --psm 6 (one uniform block): the page's rows come out as whole lines across the table, which is
 * what the positional reader wants; the automatic layout (psm 3) breaks cells into stray blocks.
 * One thread: the server's other work shares the cores, and per-page runs are what we measure.
 */
async function recognise(png: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'tesseract',
      ['stdin', 'stdout', '-l', 'jpn', '--psm', '6', 'tsv'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin?.end(png);
  });
}

/**
 * Worker thread body: reads one source (or draws a PDF's pages) and posts the result (or the error)
 * back. Runs in read-isolated.ts's worker, so a slow or greedy file stops this thread, never the server's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { loadPdfjs } from '../pdf/extract.ts';
import { renderPdfPages } from '../pdf/page-render.ts';
import { readSourceAsync } from '../read-source.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';

const request = workerData as WorkerRequest;

async function reply(): Promise<WorkerReply> {
  try {
    if (request.task === 'render') {
      const pages = await renderPdfPages(request.bytes, request.options);
      // Copies of their own: a canvas's Buffer may not be movable to another thread.
      return { ok: true, pages: pages.map((p) => ({ ...p, png: new Uint8Array(p.png) })) };
    }
    return { ok: true, source: await readSourceAsync(request.name, request.bytes) };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, message: error.message, location: error.location };
    }
    return { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

// The budget counts from here: loading the modules (tsx compiling them, pdfjs) is not the file's doing.
await loadPdfjs();
parentPort?.postMessage({ started: true } satisfies WorkerReply);
const answer = await reply();
// The PNGs are moved, not copied, back to the server's thread.
const transfer = 'pages' in answer ? answer.pages.map((p) => p.png.buffer as ArrayBuffer) : [];
parentPort?.postMessage(answer, transfer);

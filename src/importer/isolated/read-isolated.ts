/**
 * readSourceAsync in a worker thread with a time and memory budget. Parsing is CPU work on bytes
 * a stranger chose; on the server's own thread one bad upload would stop every request (/healthz
 * included) until it ended. Here it runs beside the event loop and is stopped when over budget.
 *
 * Starting a worker means loading the whole importer (from the sources: tsx compiling it), which
 * took longer than most parses, so a worker that answered is kept warm for the next upload: a few
 * idle ones per memory limit, unreferenced (they never keep the process alive), ended after a
 * while unused or a number of parses. A worker that went over budget, died, or hit a bug is ended,
 * never reused. Parses never share a worker at the same time: a second concurrent upload gets its own.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import type { RenderOptions } from '../pdf/page-render.ts';
import type { ParsedSource } from '../read-source.ts';
import type { PageImage, WorkerReply, WorkerRequest } from './messages.ts';

export interface ParseBudget {
  timeMs: number;
  memoryMb: number;
}

export const PARSE_BUDGET: ParseBudget = { timeMs: 30_000, memoryMb: 512 };
/** Starting the worker (tsx compiling the importer) is not counted in the budget, up to this. */
const STARTUP_MS = 60_000;
/** Idle warm workers kept per memory limit (resourceLimits are fixed when a worker starts). */
const MAX_IDLE = 2;
/** A warm worker unused this long is ended: its memory is the server's between uploads. */
const IDLE_MS = 5 * 60_000;
/** Parses one worker may do before it is replaced, so nothing it accumulates grows without end. */
const MAX_USES = 100;

// From the sources the worker runs TypeScript: it registers tsx itself, because the server may have
// registered it in-process rather than through flags a worker would inherit. From the build
// (dist/, this file ends in .js) it is plain JavaScript and loads without tsx.
const compiled = import.meta.url.endsWith('.js');
const workerFile = new URL(compiled ? './parse-worker.js' : './parse-worker.ts', import.meta.url).href;
const bootstrap = compiled
  ? `import(${JSON.stringify(workerFile)}).catch((error) => { process.nextTick(() => { throw error; }); });`
  : `
(async () => {
  const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});
  register();
  await import(${JSON.stringify(workerFile)});
})().catch((error) => { process.nextTick(() => { throw error; }); });
`;

function tooComplex(name: string, what: string): AppError {
  return new AppError(
    'IMPORT_TOO_COMPLEX',
    `reading the file took ${what}: split it into smaller files (one department per file) and import again`,
    { file: name },
  );
}

type Answer = Exclude<WorkerReply, { started: true } | { ok: false }>;

function fromReply(name: string, reply: Exclude<WorkerReply, { started: true }>): Answer {
  if (reply.ok) return reply;
  if (reply.code) throw new AppError(reply.code, reply.message, reply.location);
  throw new AppError('INTERNAL', `reading ${name} failed in the worker: ${reply.message}`);
}

interface WarmWorker {
  worker: Worker;
  uses: number;
  idleTimer?: NodeJS.Timeout;
}

const idle = new Map<number, WarmWorker[]>();

/** Warm workers waiting for an upload under this memory limit (for tests and diagnostics). */
export function idleWorkerCount(memoryMb = PARSE_BUDGET.memoryMb): number {
  return idle.get(memoryMb)?.length ?? 0;
}

function removeIdle(memoryMb: number, entry: WarmWorker): void {
  const list = idle.get(memoryMb);
  const at = list?.indexOf(entry) ?? -1;
  if (list && at >= 0) list.splice(at, 1);
  clearTimeout(entry.idleTimer);
}

function takeWorker(memoryMb: number): WarmWorker {
  const warm = idle.get(memoryMb)?.pop();
  if (warm) {
    clearTimeout(warm.idleTimer);
    warm.worker.ref();
    return warm;
  }
  const worker = new Worker(bootstrap, {
    eval: true,
    // Not the parent's flags: a second tsx registration (from --import tsx) would load twice.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    stdout: false,
    stderr: false,
  });
  const entry: WarmWorker = { worker, uses: 0 };
  worker.once('exit', () => removeIdle(memoryMb, entry));
  // While a parse runs its own listener reports errors; an idle worker that fails only exits (above).
  worker.on('error', () => {});
  return entry;
}

function giveBack(memoryMb: number, entry: WarmWorker): void {
  const list = idle.get(memoryMb) ?? [];
  if (entry.uses >= MAX_USES || list.length >= MAX_IDLE) {
    void entry.worker.terminate();
    return;
  }
  entry.worker.unref();
  entry.idleTimer = setTimeout(() => {
    removeIdle(memoryMb, entry);
    void entry.worker.terminate();
  }, IDLE_MS);
  entry.idleTimer.unref();
  list.push(entry);
  idle.set(memoryMb, list);
}

/** Like readSourceAsync; over budget → AppError IMPORT_TOO_COMPLEX naming the file. */
export async function readSourceIsolated(
  name: string,
  bytes: Uint8Array,
  budget: ParseBudget = PARSE_BUDGET,
): Promise<ParsedSource> {
  const answer = await runIsolated({ name, bytes: ownCopy(bytes) }, budget);
  if (!('source' in answer)) throw new AppError('INTERNAL', `the worker reading ${name} answered no source`);
  return answer.source;
}

/** renderPdfPages in the same kind of worker: drawing pages is CPU work on a stranger's bytes too. */
export async function renderPagesIsolated(
  name: string,
  bytes: Uint8Array,
  options: RenderOptions = {},
  budget: ParseBudget = PARSE_BUDGET,
): Promise<PageImage[]> {
  const answer = await runIsolated({ task: 'render', name, bytes: ownCopy(bytes), options }, budget);
  if (!('pages' in answer)) throw new AppError('INTERNAL', `the worker drawing ${name} answered no pages`);
  return answer.pages;
}

/** A copy of its own, moved (not cloned) to the worker. */
function ownCopy(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

function runIsolated(request: WorkerRequest, budget: ParseBudget): Promise<Answer> {
  const { name } = request;
  const entry = takeWorker(budget.memoryMb);
  const { worker } = entry;
  entry.uses += 1;
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    /** keep: the worker answered normally (a result or the reader's AppError) and may serve again. */
    const settle = (keep: boolean, outcome: () => Answer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) giveBack(budget.memoryMb, entry);
      else void worker.terminate();
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    };
    const overBudget = (): void =>
      settle(false, () => {
        throw tooComplex(name, `longer than ${budget.timeMs / 1000} s`);
      });
    let timer = setTimeout(overBudget, STARTUP_MS + budget.timeMs);
    const onMessage = (reply: WorkerReply): void => {
      if (reply.started) {
        clearTimeout(timer);
        timer = setTimeout(overBudget, budget.timeMs + (reply.extraMs ?? 0));
      } else settle(reply.ok || reply.code !== undefined, () => fromReply(name, reply));
    };
    const onError = (error: Error & { code?: string }): void =>
      settle(false, () => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
          throw tooComplex(name, `more than ${budget.memoryMb} MB`);
        throw new AppError(
          'INTERNAL',
          `reading ${name} failed in the worker: ${error.stack ?? error.message}`,
        );
      });
    const onExit = (code: number): void =>
      settle(false, () => {
        throw new AppError('INTERNAL', `the worker reading ${name} exited (code ${code}) without an answer`);
      });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
  });
}

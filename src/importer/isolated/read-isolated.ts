/**
 * readSourceAsync in a worker thread with a time and memory budget. Parsing is CPU work on bytes
 * a stranger chose; on the server's own thread one bad upload would stop every request (/healthz
 * included) until it ended. Here it runs beside the event loop and is stopped when over budget.
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
  const worker = new Worker(bootstrap, {
    eval: true,
    // Not the parent's flags: a second tsx registration (from --import tsx) would load twice.
    execArgv: [],
    workerData: request,
    transferList: [request.bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb },
    stdout: false,
    stderr: false,
  });
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => Answer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    };
    const overBudget = (): void =>
      settle(() => {
        throw tooComplex(name, `longer than ${budget.timeMs / 1000} s`);
      });
    let timer = setTimeout(overBudget, STARTUP_MS + budget.timeMs);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.started) {
        clearTimeout(timer);
        timer = setTimeout(overBudget, budget.timeMs);
      } else settle(() => fromReply(name, reply));
    });
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
          throw tooComplex(name, `more than ${budget.memoryMb} MB`);
        throw new AppError(
          'INTERNAL',
          `reading ${name} failed in the worker: ${error.stack ?? error.message}`,
        );
      }),
    );
    worker.once('exit', (code) =>
      settle(() => {
        throw new AppError('INTERNAL', `the worker reading ${name} exited (code ${code}) without an answer`);
      }),
    );
  });
}

/**
 * Parse time and peak memory of each input of issue 13 defect 3 (src/test-support/
 * pathological-inputs.ts), read as an upload is read (readSourceAsync). Each input runs in its own
 * child process, killed after the time limit, so one that never ends is reported as "> N s".
 * Run with `npx tsx bench/pathological.bench.ts [limit seconds, default 120] [name…]`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AppError } from '../src/errors.ts';
import { readSourceAsync } from '../src/importer/read-source.ts';
import { pathologicalInputs } from '../src/test-support/pathological-inputs.ts';

interface Outcome {
  ms: number;
  maxRssMb: number;
  result: string;
}

async function runOne(name: string): Promise<void> {
  const input = pathologicalInputs.find((i) => i.name === name);
  if (!input) throw new Error(`no input ${name}`);
  const bytes = await input.bytes();
  const started = performance.now();
  let result: string;
  try {
    const source = await readSourceAsync(`${name}.bin`, bytes);
    const warnings = source.documents.reduce((n, d) => n + d.warnings.length, 0);
    result = `parsed, ${warnings} warnings`;
  } catch (error) {
    result = error instanceof AppError ? `${error.code}: ${error.message.slice(0, 70)}` : String(error);
  }
  const outcome: Outcome = {
    ms: performance.now() - started,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    result: `${(bytes.byteLength / 1024).toFixed(0)} KB; ${result}`,
  };
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}

function runChild(name: string, limitSeconds: number): Promise<Outcome | undefined> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', name],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitSeconds * 1000);
    child.on('close', () => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1);
      resolve(line ? (JSON.parse(line) as Outcome) : undefined);
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--one') return runOne(args[1] ?? '');
  const limit = Number(args[0] ?? 120);
  const names = args.length > 1 ? args.slice(1) : pathologicalInputs.map((i) => i.name);
  for (const name of names) {
    const outcome = await runChild(name, limit);
    const time = outcome ? `${(outcome.ms / 1000).toFixed(2)} s` : `> ${limit} s`;
    const detail = outcome ? `max RSS ${outcome.maxRssMb} MB; ${outcome.result}` : 'killed';
    console.log(`${name.padEnd(24)} ${time.padStart(10)}  ${detail}`);
  }
}

await main();

import { type ChildProcess, spawn } from 'node:child_process';
import { TS_IMPORT } from '../src/test-support/ts-import.ts';
import { repoRoot } from './cli-harness.ts';

/** `mokuhyo serve` in its own process, as systemd runs it; stdout is its pino JSON log. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Every log line so far, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Resolves on the first log line whose msg matches. */
  waitForLog(msg: RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/**
 * `built`: run the compiled build (`bin/mokuhyo.js`, dist/ must exist), as installed; by default the
 * sources through tsx, as during development.
 */
export function startServe(
  env: Record<string, string>,
  args: string[] = [],
  options: { built?: boolean } = {},
): Promise<ServeProcess> {
  const entry = options.built ? ['bin/mokuhyo.js'] : ['--import', TS_IMPORT, 'src/cli/main.ts'];
  const child = spawn(process.execPath, [...entry, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const waiters: Array<{ msg: RegExp; resolve: (line: Record<string, unknown>) => void }> = [];
  let stderr = '';
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.trim()) continue;
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        line = { msg: text };
      }
      logs.push(line);
      for (const w of [...waiters]) {
        if (w.msg.test(String(line.msg))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitForLog = (msg: RegExp, timeoutMs = 60_000) => {
    const seen = logs.find((l) => msg.test(String(l.msg)));
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no log ${msg} within ${timeoutMs} ms; stderr: ${stderr}`)),
        timeoutMs,
      );
      waiters.push({
        msg,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      void exited.then((code) =>
        reject(new Error(`serve exited (${code}) before logging ${msg}; stderr: ${stderr}`)),
      );
    });
  };
  // Migrations and the demo load come first: minutes on a busy CI machine.
  const listening = waitForLog(/mokuhyo is listening/, 180_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return listening.then((line) => {
    const url = String(line.url);
    return {
      child,
      url,
      port: Number(new URL(url).port),
      logs,
      exited,
      waitForLog,
      stop: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        return exited;
      },
    };
  });
}

import { SingleBar } from 'cli-progress';

/** A progress bar on stderr for long work, shown only to a person at a terminal and for enough steps. */
export function progress(total: number, label: string): { tick(): void; stop(): void } {
  if (!process.stderr.isTTY || total < 5) return { tick() {}, stop() {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {value}/{total} {percentage}% | {eta_formatted}`,
    hideCursor: true,
  });
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}

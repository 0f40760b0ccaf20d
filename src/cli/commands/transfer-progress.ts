import { progress } from '../progress.ts';

/** A bar over the tables of a backup, restore or copy, opened once the count of tables is known. */
export function tableProgress(label: string): (table: string, done: number, total: number) => void {
  let bar: ReturnType<typeof progress> | undefined;
  return (_table, done, total) => {
    bar ??= progress(total, label);
    bar.tick();
    if (done === total) bar.stop();
  };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

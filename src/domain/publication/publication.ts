import type { BlockKind } from '../../db/schema.ts';
import type { PublishedPhaseRow } from './publication.repo.ts';

/**
 * What the public may see of a department's fiscal year: `full` when both the plan block
 * (goal_setting) and the review block (final) are published, `plan` when only the targets are,
 * `none` otherwise. Anything that pairs targets with results (an evaluation, a grade) needs `full`.
 */
export type Publication = 'full' | 'plan' | 'none';

/** The published blocks of a municipality (or one department of it), read once per request. */
export class PublicationMap {
  readonly #phases: Set<string>;

  constructor(rows: readonly PublishedPhaseRow[]) {
    this.#phases = new Set(rows.map((r) => `${r.departmentId}/${r.year}/${r.phase}`));
  }

  /** The plan block of Y is published by 目標設定 of Y, the review block of Y by 期末報告 of Y. */
  blockPublic(departmentId: number, year: number, block: BlockKind): boolean {
    return this.#phases.has(`${departmentId}/${year}/${block === 'plan' ? 'goal_setting' : 'final'}`);
  }

  of(departmentId: number, year: number): Publication {
    if (!this.blockPublic(departmentId, year, 'plan')) return 'none';
    return this.blockPublic(departmentId, year, 'review') ? 'full' : 'plan';
  }

  /** Every department's year that is at least `plan`, with its state. */
  entries(): Array<{ departmentId: number; year: number; state: Exclude<Publication, 'none'> }> {
    const result: Array<{ departmentId: number; year: number; state: Exclude<Publication, 'none'> }> = [];
    for (const key of this.#phases) {
      const [departmentId, year, phase] = key.split('/');
      if (phase !== 'goal_setting') continue;
      const state = this.of(Number(departmentId), Number(year));
      if (state !== 'none') result.push({ departmentId: Number(departmentId), year: Number(year), state });
    }
    return result;
  }

  /** Years in which at least one department is fully public, newest first. */
  fullYears(): number[] {
    const years = this.entries()
      .filter((e) => e.state === 'full')
      .map((e) => e.year);
    return [...new Set(years)].sort((a, b) => b - a);
  }
}

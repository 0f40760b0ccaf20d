import type { Phase, PhaseState } from '../../db/schema.ts';
import { formatDueDate } from './deadline-clock.ts';
import { phaseLabels } from './labels.ts';

/**
 * The order of a year's phases: 中間報告 reports progress on published goals, so it opens once 目標設定
 * is published; 期末報告・評価 closes the year, so it opens once 企画 has accepted (or published) the
 * 中間報告. A city may also set a day before which a phase does not open. Planning can open a phase
 * early for one department (opened_early), which lifts both conditions.
 */
export const previousPhase: Record<Phase, Phase | undefined> = {
  goal_setting: undefined,
  interim: 'goal_setting',
  final: 'interim',
};

/** The states of the previous phase that let a phase begin. */
const READY: Record<Phase, readonly PhaseState[]> = {
  goal_setting: [],
  interim: ['published'],
  final: ['accepted', 'published'],
};

const WAITS_FOR: Record<Phase, string> = {
  goal_setting: '',
  interim: '目標設定が公表されてから',
  final: '中間報告が企画に受理されてから',
};

const ASK = '急ぐ場合は企画担当に前倒しの受付を依頼してください。';

export interface OpeningFacts {
  phase: Phase;
  /** Status of each phase of this department's year; missing = not started. */
  states: Partial<Record<Phase, PhaseState>>;
  /** YYYY-MM-DD or null: the city's opening day for this phase. */
  opensOn: string | null | undefined;
  /** Today on the Tokyo calendar, YYYY-MM-DD. */
  today: string;
  openedEarly: boolean;
}

/** Undefined when the phase may be started and submitted now; otherwise the Japanese refusal. */
export function whyNotOpen(facts: OpeningFacts): string | undefined {
  if (facts.openedEarly) return undefined;
  const label = phaseLabels[facts.phase];
  const prev = previousPhase[facts.phase];
  if (prev !== undefined) {
    const state = facts.states[prev];
    if (state === undefined || !READY[facts.phase].includes(state)) {
      return `${label}は${WAITS_FOR[facts.phase]}作成できます。${ASK}`;
    }
  }
  if (facts.opensOn && facts.today < facts.opensOn) {
    return `${label}は${formatDueDate(facts.opensOn)}から作成できます。${ASK}`;
  }
  return undefined;
}

/** 期末報告 accepted means the 中間報告 before it is overtaken: it no longer waits for anything. */
export function isOvertaken(phase: Phase, states: Partial<Record<Phase, PhaseState>>): boolean {
  const later =
    phase === 'goal_setting'
      ? (['interim', 'final'] as const)
      : phase === 'interim'
        ? (['final'] as const)
        : [];
  return later.some((p) => states[p] === 'accepted' || states[p] === 'published');
}

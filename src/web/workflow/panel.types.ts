import type { Phase, PhaseState } from '../../db/schema.ts';
import type { WorkflowAction } from '../../domain/workflow/state-machine.ts';
import type { GapLink } from './gap-links.ts';

export interface ActionView {
  action: WorkflowAction;
  label: string;
}

export interface PhaseView {
  phase: Phase;
  label: string;
  status: PhaseState;
  statusLabel: string;
  version: number;
  dueLabel?: string;
  daysLeft?: number;
  overdue: boolean;
  waitingFor: string;
  actions: ActionView[];
  /** The 中間報告 / 期末評価 form, for those phases. */
  reportHref?: string;
  /** The read-only review of what is being approved, for those who may see it. */
  reviewHref?: string;
}

export interface HistoryView {
  at: string;
  phaseLabel: string;
  actionLabel: string;
  stepName?: string;
  toLabel: string;
  actor: string;
  comment?: string;
}

export interface PanelView {
  departmentId: number;
  departmentName: string;
  year: number;
  title: string;
  csrfToken: string;
  unread: number;
  canOpen: boolean;
  phases: PhaseView[];
  history: HistoryView[];
  notice?: string;
  error?: string;
  /** The phase whose form the error belongs to, and the comment typed there (kept on error). */
  errorPhase?: Phase;
  comment?: string;
  /** A refused submission: each missing field, linked to where it is filled in. */
  gaps?: GapLink[];
}

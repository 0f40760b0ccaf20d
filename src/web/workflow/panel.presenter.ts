import type { Phase, PhaseState } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { can } from '../../domain/auth/policy.ts';
import { mayReview } from '../../domain/review/review.service.ts';
import { stepsOfStage } from '../../domain/workflow/chain.ts';
import { daysLeft, formatDueDate } from '../../domain/workflow/deadline-clock.ts';
import { actionLabels, phaseLabels, stateLabels } from '../../domain/workflow/labels.ts';
import type { PanelData } from '../../domain/workflow/pages.service.ts';
import { type PhaseSnapshot, waitingFor } from '../../domain/workflow/panel.query.ts';
import { isLate } from '../../domain/workflow/reminder-plan.ts';
import {
  policyOf,
  possibleActions,
  returnNeedsPlanning,
  type WorkflowAction,
} from '../../domain/workflow/state-machine.ts';
import { formatInstant, workflowUrls, yearHeading } from './format.ts';
import type { ActionView, PanelView, PhaseView } from './panel.types.ts';
import { reviewUrls } from './review.urls.ts';

function buttonLabel(action: WorkflowAction, step: string | undefined): string {
  switch (action) {
    case 'submit':
      return '提出する';
    case 'approve':
      return `承認する（${step}）`;
    case 'accept':
      return `受理する（${step}）`;
    case 'sign':
      return `「${step}」の決裁を記録する`;
    case 'publish':
      return '公表する';
    case 'return':
      return '差し戻す';
  }
}

function actionsFor(
  actor: Actor,
  scope: { municipalityId: number; departmentId: number },
  p: PhaseSnapshot,
  chain: Parameters<typeof possibleActions>[0],
): ActionView[] {
  const stage = { approve: 'department', accept: 'planning', sign: 'extra' } as const;
  return possibleActions(chain, p.status, p.progress)
    .filter((a) => can(actor, policyOf[a], scope))
    .filter((a) => a !== 'return' || !returnNeedsPlanning(p.status) || can(actor, 'workflow.publish', scope))
    .map((action) => {
      const s = action in stage ? stage[action as keyof typeof stage] : undefined;
      const steps = s ? stepsOfStage(chain, s) : [];
      const step = s ? steps[Math.min(p.progress[s], steps.length - 1)]?.name : undefined;
      return { action, label: buttonLabel(action, step) };
    });
}

const reportLinks: Partial<Record<Phase, (d: number, y: number) => string>> = {
  interim: workflowUrls.interim,
  final: workflowUrls.final,
};

/** The workflow panel of a department's year (loadPanel): phases, the actor's buttons, history. */
export function presentPanel(
  actor: Actor,
  department: { id: number; name: string; municipality_id: number },
  year: number,
  now: Date,
  loaded: PanelData,
): Omit<PanelView, 'csrfToken' | 'notice' | 'error'> {
  const base = {
    departmentId: department.id,
    departmentName: department.name,
    year,
    title: `${department.name} ${yearHeading(year)}の手続き`,
    unread: loaded.unread,
    canOpen: can(actor, 'fiscalYear.open', { municipalityId: department.municipality_id }),
  };
  const data = loaded.year;
  if (data === undefined) return { ...base, phases: [], history: [] };
  const scope = { municipalityId: department.municipality_id, departmentId: department.id };
  const { closed } = loaded;
  const phases: PhaseView[] = data.phases.map((p) => {
    // Not open yet (phase-order.ts): say what must happen first instead of offering 提出.
    const notOpen = closed.get(p.phase);
    const left = p.dueDate === undefined ? undefined : daysLeft(p.dueDate, now);
    const report = reportLinks[p.phase];
    return {
      phase: p.phase,
      label: phaseLabels[p.phase],
      status: p.status,
      statusLabel: stateLabels[p.status],
      version: p.version,
      dueLabel: p.dueDate === undefined ? undefined : formatDueDate(p.dueDate),
      daysLeft: left,
      overdue: isLate(p.status, p.dueDate, now),
      waitingFor: notOpen ?? waitingFor(data.chain, p.status, p.progress),
      actions: actionsFor(actor, scope, p, data.chain).filter((a) => !notOpen || a.action !== 'submit'),
      reportHref: report ? report(department.id, year) : undefined,
      reviewHref: mayReview(actor, scope) ? reviewUrls.phase(department.id, year, p.phase) : undefined,
    };
  });
  const history = data.events.map((e) => ({
    at: formatInstant(e.at),
    phaseLabel: phaseLabels[e.phase],
    actionLabel: actionLabels[e.action],
    stepName: e.step_name ?? undefined,
    toLabel: stateLabels[e.to_status as PhaseState],
    actor: e.actor_login,
    comment: e.comment ?? undefined,
  }));
  return { ...base, phases, history };
}

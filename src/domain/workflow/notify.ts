import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import type { NotificationKind } from '../../db/tables/workflow.ts';
import type { Actor } from '../auth/actor.ts';
import { formatFiscalYear } from '../fiscal-year/wareki.ts';
import { actionLabels, panelPath, phaseLabels } from './labels.ts';
import { insertNotifications, type Recipient, usersWithRole } from './notification.repo.ts';
import type { WorkflowAction } from './state-machine.ts';

export interface TransitionNotice {
  municipalityId: number;
  department: { id: number; name: string };
  year: number;
  fiscalYearId: number;
  phase: Phase;
  action: WorkflowAction;
  to: PhaseState;
  stepName?: string;
  comment?: string;
}

type Audience = 'editor' | 'approver' | 'planning';

/** Who must act next (or hear the outcome) after a transition, and what they are told. */
function routeOf(n: TransitionNotice): { audience: Audience[]; kind: NotificationKind; text: string } {
  const step = n.stepName ? `「${n.stepName}」` : '';
  switch (n.action) {
    case 'submit':
      return { audience: ['approver'], kind: 'submitted', text: 'が提出されました。承認をお願いします。' };
    case 'approve':
      return n.to === 'approved'
        ? {
            audience: ['planning'],
            kind: 'approved',
            text: 'の部局内承認が完了しました。受理をお願いします。',
          }
        : {
            audience: ['approver'],
            kind: 'submitted',
            text: `は${step}の承認が済みました。次の承認をお願いします。`,
          };
    case 'accept':
    case 'sign':
      return n.to === 'accepted'
        ? {
            audience: ['planning'],
            kind: 'accepted',
            text: `は${step}まで済みました。公表（または残りの決裁）をお願いします。`,
          }
        : {
            audience: ['planning'],
            kind: 'approved',
            text: `は${step}の受理が済みました。次の受理をお願いします。`,
          };
    case 'publish':
      return { audience: ['editor', 'approver'], kind: 'published', text: 'が公表されました。' };
    case 'return':
      return {
        audience: ['editor', 'approver'],
        kind: 'returned',
        text: `が差し戻されました。コメント: ${n.comment ?? ''}`,
      };
  }
}

/** Inbox entries for everyone concerned, except the actor. */
export async function notifyTransition(
  db: Kysely<Database>,
  actor: Actor,
  n: TransitionNotice,
): Promise<void> {
  const route = routeOf(n);
  const recipients = new Map<number, Recipient>();
  for (const role of route.audience) {
    for (const user of await usersWithRole(db, n.municipalityId, role, n.department.id)) {
      if (user.id !== actor.userId) recipients.set(user.id, user);
    }
  }
  const subject = `${n.department.name}の${formatFiscalYear(n.year)}${phaseLabels[n.phase]}`;
  await insertNotifications(
    db,
    [...recipients.values()].map((user) => ({
      municipality_id: n.municipalityId,
      user_id: user.id,
      kind: route.kind,
      department_id: n.department.id,
      fiscal_year_id: n.fiscalYearId,
      phase: n.phase,
      message: `${subject}${route.text}（${actionLabels[n.action]}: ${actor.login}）`,
      link: panelPath(n.department.id, n.year),
    })),
  );
}

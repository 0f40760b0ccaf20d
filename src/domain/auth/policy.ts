import { AppError } from '../../errors.ts';
import { refusalMessage } from '../vocabulary/refusal.ts';
import type { Actor, Role } from './actor.ts';

/**
 * What each role may do. Department-scoped actions name the department they touch; a department
 * role (editor, approver) only reaches its own department, city-wide roles reach all.
 */
export const actions = {
  'internal.read': ['admin', 'planning', 'editor', 'approver', 'viewer'],
  'goal.edit': ['editor'],
  'import.run': ['planning', 'editor', 'admin'],
  /** Loading the city's past tables as already published (history), not as drafts. */
  'import.publish': ['planning', 'admin'],
  'workflow.submit': ['editor'],
  'workflow.approve': ['approver'],
  'workflow.return': ['approver', 'planning'],
  'workflow.accept': ['planning'],
  'workflow.publish': ['planning'],
  'workflow.configure': ['planning', 'admin'],
  'fiscalYear.open': ['planning'],
  'evaluation.edit': ['editor', 'planning', 'admin'],
  'policy.manage': ['planning', 'admin'],
  'organisation.manage': ['admin', 'planning'],
  'searchVariant.manage': ['planning', 'admin'],
  'user.manage': ['admin'],
  'municipality.manage': ['admin'],
  'audit.readAll': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof actions;

export interface Scope {
  municipalityId: number;
  /** The department the action touches, when it touches one. */
  departmentId?: number;
  /** Its name, when the caller has it at hand: a refusal then names the department. */
  departmentName?: string;
}

/** Actions any grant satisfies without naming a department (reading, seeing one's own menu). */
const unscoped: ReadonlySet<Action> = new Set(['internal.read']);

export function can(actor: Actor, action: Action, scope: Scope): boolean {
  if (actor.municipalityId !== scope.municipalityId) return false;
  const allowed: readonly Role[] = actions[action];
  return actor.grants.some((g) => {
    if (!allowed.includes(g.role)) return false;
    if (g.departmentId === null) return true;
    // A department role reaches its own department; without one named, only where the action allows it.
    return scope.departmentId === undefined ? unscoped.has(action) : g.departmentId === scope.departmentId;
  });
}

/** Whether the actor may do this somewhere: for a menu entry, before any department is chosen. */
export function canAnywhere(actor: Actor, action: Action): boolean {
  return actor.grants.some((g) =>
    can(actor, action, { municipalityId: actor.municipalityId, departmentId: g.departmentId ?? undefined }),
  );
}

/** Throws FORBIDDEN unless the actor may do this; services call it before any write. */
export function authorize(actor: Actor, action: Action, scope: Scope): void {
  if (!can(actor, action, scope)) throw forbidden(actor, action, scope);
}

/**
 * The refusal: a Japanese sentence for the person (what, why, whom to ask); the English
 * `login may not action` rides along as the cause, for the log.
 */
export function forbidden(actor: Actor, action: Action, scope: Scope): AppError {
  return new AppError(
    'FORBIDDEN',
    refusalMessage(actor, action, actions[action], scope),
    { field: scope.departmentId === undefined ? undefined : `department ${scope.departmentId}` },
    { cause: `${actor.login} may not ${action}` },
  );
}

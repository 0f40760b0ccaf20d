/**
 * Every action the audit trail records. `appendAudit` takes only these, so a new one must be added
 * here, and then its Japanese label in vocabulary/audit.ts (the audit page shows no codes).
 * Workflow transitions record `workflow.${WorkflowAction}`, which the compiler checks against this list.
 */
export const auditActions = [
  'import',
  'goal.create',
  'goal.update',
  'goal.delete',
  'goal.move',
  'item.create',
  'item.update',
  'item.delete',
  'item.move',
  'quantity.correct',
  'quantity.add',
  'quantity.remove',
  'block.copy_next_year',
  'block.start_review',
  'workflow.submit',
  'workflow.approve',
  'workflow.accept',
  'workflow.sign',
  'workflow.publish',
  'workflow.return',
  'workflow.interim',
  'workflow.assess',
  'workflow.configure',
  'workflow.deadline',
  'workflow.schedule',
  'workflow.openEarly',
  'fiscalYear.open',
  'match.suggest',
  'match.confirm',
  'match.set',
  'match.reject',
  'match.clear',
  'assessment.set',
  'assessment.remove',
  'indicator.set',
  'indicator.remove',
  'grade_scale.set',
  'reorganisation.record',
  'reorganisation.delete',
  'user.create',
  'import.published',
  'search_variant.add',
  'search_variant.remove',
] as const;

export type AuditAction = (typeof auditActions)[number];

export const isAuditAction = (value: string): value is AuditAction =>
  (auditActions as readonly string[]).includes(value);

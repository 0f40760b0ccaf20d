/**
 * Who wants to know that an audit event was appended in this process. The audit trail knows no
 * listener by name: a module that cares registers itself (the publication version does, see
 * domain/publication/version.ts), and appendAudit calls every one after the event is written —
 * inside the change's transaction, before its commit.
 */
type AuditListener = () => void;

const listeners = new Set<AuditListener>();

/** Registers `listener` for every audit event appended in this process; the same one twice counts once. */
export function onAuditAppended(listener: AuditListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Called by appendAudit once its event is written. */
export function auditAppended(): void {
  for (const listener of listeners) listener();
}

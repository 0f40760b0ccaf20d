import type { Generated } from 'kysely';

/** Every role a grant can carry (user_role.role); domain/auth/actor.ts re-exports them for the rules. */
export const roles = ['admin', 'planning', 'editor', 'approver', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Tables of the auth and audit modules; merged into the Database interface in ../schema.ts. */
export interface AppUserTable {
  id: Generated<number>;
  municipality_id: number;
  login: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  /** For reminder e-mail (workflow); null: inbox only. */
  email: string | null;
  /** 1 after an admin reset the password: the next sign-in must choose a new one before anything else. */
  must_change_password: Generated<number>;
}

export interface UserGrantTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  department_id: number | null;
}

/** A login session; only a hash of the cookie's token is stored, so a leaked table opens nothing. */
export interface SessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  /** `pair:<folded login>\n<client address>` or `client:<client address>`: limits apply to both. */
  key: string;
  attempted_at: string;
  success: number;
}

/** Append-only: triggers on both engines refuse UPDATE and DELETE. */
export interface AuditEventTable {
  id: Generated<number>;
  municipality_id: number;
  actor_user_id: number | null;
  actor_login: string;
  at: string;
  action: string;
  entity_type: string;
  entity_id: number | null;
  department_id: number | null;
  /** The goal the event belongs to (a goal's own events and its items'). */
  goal_id: number | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

export interface PendingImportTable {
  id: Generated<number>;
  token: string;
  municipality_id: number;
  user_id: number;
  name: string;
  content_base64: string;
  created_at: string;
}

export interface AuthTables {
  pending_import: PendingImportTable;
  app_user: AppUserTable;
  user_grant: UserGrantTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
}

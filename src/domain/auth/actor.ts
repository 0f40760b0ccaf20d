/**
 * Who is acting. Every mutation in a service takes an Actor and asks `authorize` first, so the rules
 * hold whether the call came from a page, the JSON API or a test.
 */
// The roles are the values of user_role.role, so the table types own the list.
import type { Role } from '../../db/tables/auth.ts';

export { type Role, roles } from '../../db/tables/auth.ts';

export interface RoleGrant {
  role: Role;
  /** editor and approver act for one department; the others city-wide (null). */
  departmentId: number | null;
}

export interface Actor {
  userId: number;
  login: string;
  municipalityId: number;
  grants: RoleGrant[];
}

/** Operators at the command line act as the system (imports, user creation): trusted, but still named. */
export function systemActor(municipalityId: number): Actor {
  return { userId: 0, login: 'system', municipalityId, grants: [{ role: 'admin', departmentId: null }] };
}

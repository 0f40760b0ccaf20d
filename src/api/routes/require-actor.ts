import type { Context } from 'hono';
import type { Actor } from '../../domain/auth/actor.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';

export function requireActor(c: Context<AppEnv>): Actor {
  const session = c.get('session');
  if (!session) throw new AppError('UNAUTHENTICATED', 'sign in first: POST /api/session');
  return session.actor;
}

import { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { formFirst } from '../http/request-body.ts';
import { registerAuditApi } from './routes/audit.api.ts';
import { registerEditingApi } from './routes/editing.api.ts';
import { registerImportApi } from './routes/import.api.ts';
import { registerPublicApi } from './routes/public.api.ts';
import { registerReportsApi } from './routes/reports.api.ts';
import { registerSearchApi } from './routes/search.api.ts';
import { registerSessionApi } from './routes/session.api.ts';
import { registerSettingsApi } from './routes/settings.api.ts';
import { registerUserApi } from './routes/user.api.ts';
import { registerWorkflowApi } from './routes/workflow.api.ts';

export type ApiApp = OpenAPIHono<AppEnv>;

/** Route groups other modules add (editor, workflow, evaluation) register here. */
export const apiRegistrations: Array<(api: ApiApp, db: Kysely<Database>) => void> = [];

/**
 * The JSON API under /api, described at /api/openapi.json. Same services and the same session and
 * CSRF rules as the pages: a state-changing call sends the session cookie and X-CSRF-Token.
 */
export function createApi(db: Kysely<Database>): ApiApp {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new AppError('INVALID_INPUT', issue?.message ?? 'invalid request', {
          field: issue?.path.join('.') || undefined,
        });
      }
    },
  });
  // The OpenAPI form validator parses a form body itself and would answer an unreadable one as a generic
  // 400; parsed here first, it gets MALFORMED_BODY like the pages, and the validator reuses the result.
  api.use(formFirst());
  registerPublicApi(api, db);
  registerSearchApi(api, db);
  registerSessionApi(api, db);
  registerUserApi(api, db);
  registerImportApi(api, db);
  registerAuditApi(api, db);
  registerEditingApi(api, db);
  registerWorkflowApi(api, db);
  registerReportsApi(api, db);
  registerSettingsApi(api, db);
  for (const register of apiRegistrations) register(api, db);
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'mokuhyo_session',
    description: 'Session cookie from POST /api/session; state-changing calls also send X-CSRF-Token.',
  });
  api.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'mokuhyo API',
      version: '1',
      description: '重点目標一覧表: tables, editing, workflow, imports and the audit trail.',
    },
  });
  return api;
}

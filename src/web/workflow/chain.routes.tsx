import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ChainStage } from '../../db/tables/workflow.ts';
import { can } from '../../domain/auth/policy.ts';
import { loadChain, saveChain } from '../../domain/workflow/chain.service.ts';
import { type ChainStep, MAX_STEPS } from '../../domain/workflow/chain.ts';
import { countUnread } from '../../domain/workflow/notification.service.ts';
import { httpStatusOf } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { ChainPage } from './chain.page.tsx';
import { type FormBody, isRecoverable, messageOf, readForm, text } from './form.ts';
import { workflowUrls } from './format.ts';

const stageValues: readonly ChainStage[] = ['department', 'planning', 'extra'];

function stepsOf(form: FormBody): ChainStep[] {
  const steps: ChainStep[] = [];
  for (let i = 0; i < MAX_STEPS; i += 1) {
    const name = text(form, `name_${i}`).trim();
    const stage = stageValues.find((s) => s === text(form, `stage_${i}`)) ?? 'department';
    if (name) steps.push({ name, stage });
  }
  return steps;
}

async function renderChain(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  extra: { notice?: string; error?: string; chain?: ChainStep[] } = {},
  status: 200 | 400 = 200,
) {
  const { actor, csrfToken } = requireSession(c);
  const view = {
    csrfToken,
    unread: await countUnread(db, actor.userId),
    chain: extra.chain ?? (await loadChain(db, actor.municipalityId)),
    canConfigure: can(actor, 'workflow.configure', { municipalityId: actor.municipalityId }),
    notice: extra.notice,
    error: extra.error,
  };
  return c.html(await renderPage(<ChainPage view={view} />), status);
}

/** The municipality's approval chain: shown to all staff, changed by planning or admin. */
export function registerChainRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(workflowUrls.chain(), async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    return renderChain(c, db, {
      notice: c.req.query('done') === 'saved' ? '承認経路を保存しました。' : undefined,
    });
  });

  app.post(workflowUrls.chain(), async (c) => {
    const { actor } = requireSession(c);
    const steps = stepsOf(await readForm(c));
    try {
      await saveChain(db, actor, steps);
    } catch (error) {
      if (!isRecoverable(error)) throw error;
      return renderChain(c, db, { error: messageOf(error), chain: steps }, httpStatusOf(error.code) as 400);
    }
    return c.redirect(`${workflowUrls.chain()}?done=saved`, 303);
  });
}

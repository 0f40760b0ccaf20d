import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadBlockPage } from '../../domain/goals/block-page.service.ts';
import { pairingChoices, pairPlanGoal } from '../../domain/lineage/pairing.service.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { presentBlock } from './block.presenter.ts';
import { editorUrls } from './editor.urls.ts';
import { readForm } from './form.ts';
import { yearLabel } from './labels.ts';
import { PairingPage, type PairingView } from './pairing.page.tsx';

const PATH = '/staff/edit/:departmentId{[0-9]+}/:year{[0-9]{4}}/plan/pairing';

function planAddress(c: Context<AppEnv>) {
  return {
    departmentId: Number(c.req.param('departmentId')),
    year: Number(c.req.param('year')),
    block: 'plan' as const,
  };
}

async function pairingView(c: Context<AppEnv>, db: Kysely<Database>): Promise<PairingView> {
  const session = requireSession(c);
  const address = planAddress(c);
  // The plan block page's own check: who may read this department, and whether the block is editable.
  const block = presentBlock(session, address, await loadBlockPage(db, session.actor, address));
  return {
    departmentName: block.departmentName,
    planYearLabel: yearLabel(address.year),
    reviewYearLabel: yearLabel(address.year - 1),
    choices: await pairingChoices(db, address.departmentId, address.year),
    editable: block.readOnlyReason === undefined,
    csrfToken: session.csrfToken,
    action: editorUrls.pairing(address.departmentId, address.year),
    blockHref: editorUrls.block(address),
    saved: c.req.query('saved') === '1',
  };
}

/** 「前年度との対応」: which goal of last year each plan goal continues (the 一覧表 pairs by it). */
export function registerPairingRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(PATH, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    return c.html(await renderPage(<PairingPage view={await pairingView(c, db)} />));
  });

  app.post(PATH, async (c) => {
    const actor = requireSession(c).actor;
    const { departmentId, year } = planAddress(c);
    const form = await readForm(c);
    const id = (name: string, value: string | undefined) => {
      if (!value || !/^\d{1,9}$/.test(value))
        throw new AppError('INVALID_INPUT', `${name} must be a goal id`, { field: name });
      return Number(value);
    };
    const planGoalId = id('planGoal', form.planGoal);
    const reviewGoalId = form.reviewGoal ? id('reviewGoal', form.reviewGoal) : null;
    await pairPlanGoal(db, actor, { planGoalId, reviewGoalId, table: { departmentId, year } });
    return c.redirect(`${editorUrls.pairing(departmentId, year)}?saved=1`, 303);
  });
}

import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadBlockPage } from '../../domain/goals/block-page.service.ts';
import { deleteGoal, deleteItem, goalDeletion, itemSnapshot } from '../../domain/goals/goal-edit.service.ts';
import { isStaleError } from '../../domain/goals/goal-edit.types.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { circledNumber } from '../../views/circled-number.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { presentBlock } from './block.presenter.ts';
import { ConfirmDeletePage, type ConfirmDeleteView } from './confirm-delete.page.tsx';
import { editorUrls } from './editor.urls.ts';
import { addressOf, readForm, versionOf } from './form.ts';
import { STALE_MESSAGE } from './problem.ts';
import { BLOCK_PATH, ID, numberParam } from './route-kit.tsx';

type Entity = 'goal' | 'item';

/** What is stored now, for the confirmation page; NOT_FOUND once it is gone. */
async function confirmView(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  entity: Entity,
  staleMessage?: string,
): Promise<ConfirmDeleteView> {
  const session = requireSession(c);
  const address = addressOf(c);
  // The block page check: the actor may see this department (and learns whether it is editable there).
  const block = presentBlock(session, address, await loadBlockPage(db, session.actor, address));
  const id = numberParam(c, entity === 'goal' ? 'goalId' : 'itemId');
  const base = { csrfToken: session.csrfToken, staleMessage };
  if (entity === 'goal') {
    const found = await goalDeletion(db, id);
    if (!found || !block.goals.some((g) => g.id === id))
      throw new AppError('NOT_FOUND', `no goal ${id} here`);
    const { goal, itemCount } = found;
    return {
      ...base,
      name: `重点目標${goal.no}`,
      lines: [{ label: '重点目標', value: goal.title }],
      consequence: itemCount > 0 ? `この重点目標の取組項目 ${itemCount}件も削除されます。` : undefined,
      version: goal.version,
      action: editorUrls.goalDelete(address, id),
      cancelHref: `${editorUrls.block(address)}#goal-${id}`,
    };
  }
  const item = await itemSnapshot(db, id, address.block);
  if (!item || !block.goals.some((g) => g.items.some((i) => i.id === id))) {
    throw new AppError('NOT_FOUND', `no item ${id} here`);
  }
  return {
    ...base,
    name: `取組項目${circledNumber(item.no)}`,
    lines: [
      { label: '担当課等', value: item.unitName ?? '（なし）' },
      { label: '具体的な重点取組項目', value: item.text },
      { label: block.noteLabel, value: item.note ?? '' },
    ],
    version: item.version,
    action: editorUrls.itemDelete(address, id),
    cancelHref: `${editorUrls.block(address)}#item-${id}`,
  };
}

/** Delete = a confirmation page (GET) and the delete itself (POST, with the version confirmed). */
export function registerDeleteRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  for (const entity of ['goal', 'item'] as const) {
    const path = `${BLOCK_PATH}/${entity}s/:${entity}Id${ID}/delete`;
    app.get(path, async (c) => {
      const redirect = loginRedirect(c);
      if (redirect) return redirect;
      return c.html(await renderPage(<ConfirmDeletePage view={await confirmView(c, db, entity)} />));
    });
    app.post(path, async (c) => {
      const actor = requireSession(c).actor;
      const id = numberParam(c, `${entity}Id`);
      const version = versionOf(await readForm(c));
      try {
        if (entity === 'goal') await deleteGoal(db, actor, { goalId: id, version });
        else await deleteItem(db, actor, { itemId: id, version });
      } catch (error) {
        if (!isStaleError(error)) throw error;
        // Changed since the page was opened: confirm again, against what is stored now.
        const view = await confirmView(
          c,
          db,
          entity,
          `${STALE_MESSAGE}現在の内容を確認してから、もう一度削除してください。`,
        );
        return c.html(await renderPage(<ConfirmDeletePage view={view} />), 409);
      }
      return c.redirect(editorUrls.done(addressOf(c), { kind: 'deleted', entity }), 303);
    });
  }
}

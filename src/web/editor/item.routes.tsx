import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createItem, editItem, moveItem } from '../../domain/goals/goal-edit.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireSession } from '../staff/require-session.ts';
import { addressOf, directionOf, itemFields, itemNoOf, readForm, unitChoiceOf, versionOf } from './form.ts';
import { attempt, BLOCK_PATH, ID, numberParam } from './route-kit.tsx';

/** Add, edit and move items; their quantities have routes of their own (quantity.routes.tsx). */
export function registerItemRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.post(`${BLOCK_PATH}/goals/:goalId${ID}/items`, async (c) => {
    const actor = requireSession(c).actor;
    const goalId = numberParam(c, 'goalId');
    const fields = itemFields(await readForm(c));
    return attempt(c, db, addressOf(c), { kind: 'item', target: `new-item-${goalId}`, fields }, async () => {
      const item = await createItem(db, actor, {
        goalId,
        no: itemNoOf(fields),
        unit: unitChoiceOf(fields),
        text: fields.text,
        note: fields.note,
      });
      return { kind: 'added', entity: 'item', anchor: `item-${item.id}` };
    });
  });

  app.post(`${BLOCK_PATH}/items/:itemId${ID}`, async (c) => {
    const actor = requireSession(c).actor;
    const itemId = numberParam(c, 'itemId');
    const form = await readForm(c);
    const fields = itemFields(form);
    return attempt(c, db, addressOf(c), { kind: 'item', target: `item-${itemId}`, fields }, async () => {
      await editItem(db, actor, {
        itemId,
        version: versionOf(form),
        no: itemNoOf(fields),
        unit: unitChoiceOf(fields),
        text: fields.text,
        note: fields.note,
      });
      return { kind: 'saved', entity: 'item', anchor: `item-${itemId}` };
    });
  });

  app.post(`${BLOCK_PATH}/items/:itemId${ID}/move`, async (c) => {
    const actor = requireSession(c).actor;
    const itemId = numberParam(c, 'itemId');
    const form = await readForm(c);
    return attempt(c, db, addressOf(c), { kind: 'item', target: `item-${itemId}` }, async () => {
      await moveItem(db, actor, { itemId, version: versionOf(form), direction: directionOf(form) });
      return { kind: 'moved', entity: 'item', anchor: `item-${itemId}` };
    });
  });
}

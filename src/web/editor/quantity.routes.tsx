import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addQuantity, correctQuantity, removeQuantity } from '../../domain/goals/goal-edit.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireSession } from '../staff/require-session.ts';
import { addressOf, quantityFields, quantityInputOf, readForm, versionOf } from './form.ts';
import { attempt, BLOCK_PATH, ID, numberParam } from './route-kit.tsx';

const ITEM = `${BLOCK_PATH}/items/:itemId${ID}/quantities`;

/** Correct, add and remove the quantities of an item; each carries the item's version. */
export function registerQuantityRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.post(ITEM, async (c) => {
    const actor = requireSession(c).actor;
    const itemId = numberParam(c, 'itemId');
    const form = await readForm(c);
    const fields = quantityFields(form);
    const base = { kind: 'quantity' as const, target: `new-quantity-${itemId}`, fields };
    return attempt(c, db, addressOf(c), base, async () => {
      const itemVersion = versionOf(form, 'item_version');
      await addQuantity(db, actor, { itemId, itemVersion, ...quantityInputOf(fields) });
      return { kind: 'added', entity: 'quantity', anchor: `quantity-${itemId}` };
    });
  });

  app.post(`${ITEM}/:quantityId${ID}`, async (c) => {
    const actor = requireSession(c).actor;
    const itemId = numberParam(c, 'itemId');
    const quantityId = numberParam(c, 'quantityId');
    const form = await readForm(c);
    const fields = quantityFields(form);
    const base = { kind: 'quantity' as const, target: `quantity-${itemId}-${quantityId}`, fields };
    return attempt(c, db, addressOf(c), base, async () => {
      const itemVersion = versionOf(form, 'item_version');
      await correctQuantity(db, actor, {
        itemId,
        quantityId,
        itemVersion,
        ...quantityInputOf(fields),
      });
      return { kind: 'saved', entity: 'quantity', anchor: `quantity-${itemId}` };
    });
  });

  app.post(`${ITEM}/:quantityId${ID}/delete`, async (c) => {
    const actor = requireSession(c).actor;
    const itemId = numberParam(c, 'itemId');
    const quantityId = numberParam(c, 'quantityId');
    const form = await readForm(c);
    return attempt(c, db, addressOf(c), { kind: 'quantity', target: `new-quantity-${itemId}` }, async () => {
      await removeQuantity(db, actor, {
        itemId,
        quantityId,
        itemVersion: versionOf(form, 'item_version'),
      });
      return { kind: 'deleted', entity: 'quantity', anchor: `quantity-${itemId}` };
    });
  });
}

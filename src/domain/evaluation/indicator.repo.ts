import type { Kysely } from 'kysely';
import { inChunks } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { EvaluationIndicatorRow, IndicatorKind } from '../../db/tables/evaluation.ts';
import type { Actor } from '../auth/actor.ts';

export async function loadIndicators(
  db: Kysely<Database>,
  targetIds: number[],
): Promise<Map<number, EvaluationIndicatorRow>> {
  if (targetIds.length === 0) return new Map();
  const rows = await inChunks(targetIds, (chunk) =>
    db.selectFrom('evaluation_indicator').selectAll().where('target_quantity_id', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.target_quantity_id, r]));
}

export interface IndicatorValues {
  kind: IndicatorKind;
  name: string | null;
  baselineValue: number | null;
  baselineDate: string | null;
  longTermValue: number | null;
  longTermYear: number | null;
}

export async function saveIndicator(
  db: Kysely<Database>,
  actor: Actor,
  targetId: number,
  values: IndicatorValues,
): Promise<void> {
  const now = nowIso();
  const changes = {
    kind: values.kind,
    name: values.name,
    baseline_value: values.baselineValue,
    baseline_date: values.baselineDate,
    long_term_value: values.longTermValue,
    long_term_year: values.longTermYear,
    actor_user_id: actor.userId,
    actor_login: actor.login,
    updated_at: now,
  };
  await db
    .insertInto('evaluation_indicator')
    .values({ target_quantity_id: targetId, ...changes, created_at: now })
    .onConflict((oc) => oc.column('target_quantity_id').doUpdateSet(changes))
    .execute();
}

export async function deleteIndicator(db: Kysely<Database>, targetId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('evaluation_indicator')
    .where('target_quantity_id', '=', targetId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

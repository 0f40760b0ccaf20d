import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appendAudit } from '../domain/audit/audit.repo.ts';
import type { Actor } from '../domain/auth/actor.ts';
import { authorize } from '../domain/auth/policy.ts';
import { AppError } from '../errors.ts';
import { foldWith } from './fold.ts';
import { type RefoldResult, refoldMunicipality } from './refold.repo.ts';
import {
  deleteVariantPair,
  insertVariantPair,
  listVariantPairs,
  type StoredVariantPair,
} from './variants.repo.ts';
import { builtinVariants, inconsistentForms, type VariantPair, variantsWith } from './variants.ts';

/** The stable refusals; the settings page words them in Japanese (search-variants.errors.ts). */
export type { StoredVariantPair } from './variants.repo.ts';

export const VARIANT_REFUSALS = {
  missing: 'both forms are needed',
  space: 'a form holds no spaces',
  long: 'a form is at most 40 characters',
  short: 'a form needs 2 characters or more',
  same: 'the two forms are already searched as one word',
  clash: 'the pair folds inconsistently with another pair',
} as const;

export const MAX_FORM_LENGTH = 40;

export interface VariantSettings {
  /** Pairs in the built-in dictionary (variants.data.ts), the same for every municipality. */
  builtinPairs: number;
  pairs: StoredVariantPair[];
}

export async function listSearchVariants(db: Kysely<Database>, actor: Actor): Promise<VariantSettings> {
  authorize(actor, 'internal.read', { municipalityId: actor.municipalityId });
  return {
    builtinPairs: builtinVariants().map.size,
    pairs: await listVariantPairs(db, actor.municipalityId),
  };
}

/**
 * Adds a pair and folds the municipality's search entries again in the same transaction: the
 * search answers with the new pair from the moment the change commits, and never sees keys folded
 * with one dictionary and queries with another. One pass over the city's entries (texts are read
 * from search_entry, only changed keys are written) — a few thousand rows a year, measured in
 * variants.db.test.ts — is cheaper than a background job and its half-folded window.
 */
export async function addSearchVariant(
  db: Kysely<Database>,
  actor: Actor,
  input: { variant: string; canonical: string },
): Promise<{ pair: StoredVariantPair; refolded: RefoldResult }> {
  const municipalityId = actor.municipalityId;
  authorize(actor, 'searchVariant.manage', { municipalityId });
  const pair = { variant: checkForm(input.variant), canonical: checkForm(input.canonical) };
  return db.transaction().execute(async (trx) => {
    const existing = await listVariantPairs(trx, municipalityId);
    const current = variantsWith(existing);
    for (const form of [pair.variant, pair.canonical]) {
      if ([...foldWith(form, current)].length < 2) refuse('short', 'variant');
    }
    if (foldWith(pair.variant, current) === foldWith(pair.canonical, current)) {
      throw new AppError('CONFLICT', VARIANT_REFUSALS.same, { field: 'variant' });
    }
    const next = variantsWith([...existing, pair]);
    if (inconsistentForms(next).length > 0) refuse('clash', 'variant');
    const stored = await insertVariantPair(trx, municipalityId, pair);
    const refolded = await refoldMunicipality(trx, municipalityId, next);
    await appendAudit(trx, actor, {
      action: 'search_variant.add',
      entityType: 'search_variant',
      entityId: stored.id,
      summary: `表記ゆれ「${pair.variant}」＝「${pair.canonical}」を追加（検索索引 ${refolded.changed} 件を更新）`,
      after: pair,
    });
    return { pair: stored, refolded };
  });
}

/** Removes a pair of the actor's municipality, refolding its entries in the same transaction. */
export async function removeSearchVariant(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
): Promise<{ pair: VariantPair; refolded: RefoldResult }> {
  const municipalityId = actor.municipalityId;
  authorize(actor, 'searchVariant.manage', { municipalityId });
  return db.transaction().execute(async (trx) => {
    const pair = await deleteVariantPair(trx, municipalityId, id);
    if (!pair)
      throw new AppError('NOT_FOUND', 'この表記ゆれはすでに削除されています。一覧を開き直してください。', {
        field: 'id',
      });
    const refolded = await refoldMunicipality(
      trx,
      municipalityId,
      variantsWith(await listVariantPairs(trx, municipalityId)),
    );
    await appendAudit(trx, actor, {
      action: 'search_variant.remove',
      entityType: 'search_variant',
      entityId: id,
      summary: `表記ゆれ「${pair.variant}」＝「${pair.canonical}」を削除（検索索引 ${refolded.changed} 件を更新）`,
      before: pair,
    });
    return { pair, refolded };
  });
}

function refuse(reason: keyof typeof VARIANT_REFUSALS, field: string): never {
  throw new AppError('INVALID_INPUT', VARIANT_REFUSALS[reason], { field });
}

/** A form as typed, trimmed; stored as written (only the search key is folded). */
function checkForm(input: string): string {
  const form = input.trim();
  if (form === '') refuse('missing', 'variant');
  if (/\s/u.test(form)) refuse('space', 'variant');
  if ([...form].length > MAX_FORM_LENGTH) refuse('long', 'variant');
  return form;
}

import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { authorize, can } from '../../domain/auth/policy.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import {
  addSearchVariant,
  listSearchVariants,
  removeSearchVariant,
  VARIANT_REFUSALS,
} from '../../search/variants.service.ts';
import { renderPage } from '../../views/render.tsx';
import type { FieldError } from '../components/error-summary.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { SEARCH_VARIANTS_URL, SearchVariantsPage, type SearchVariantsView } from './search-variants.page.tsx';

/** The service's refusals, in Japanese, saying what to do instead. */
const MESSAGES: Record<string, string> = {
  [VARIANT_REFUSALS.missing]: '「表記」と「同じ語として検索する表記」の両方を入力してください。',
  [VARIANT_REFUSALS.space]: '表記に空白は入れられません。1つの語だけを入力してください。',
  [VARIANT_REFUSALS.long]: '表記は40文字以内で入力してください。',
  [VARIANT_REFUSALS.short]:
    '1文字の表記は、ほかの語の中でも置き換わってしまうため登録できません。2文字以上で入力してください。',
  [VARIANT_REFUSALS.same]: 'この2つの表記は、すでに同じ語として検索されます。追加は不要です。',
  [VARIANT_REFUSALS.clash]:
    'ほかの表記ゆれと重なるため、検索が一貫しなくなります。一方の表記がもう一方を含まない組み合わせにしてください。',
};

/** 検索の表記ゆれ: GET lists the pairs with the form; POSTs add or remove and redirect (Post/Redirect/Get). */
export function registerSearchVariantRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  const render = async (
    c: Context<AppEnv>,
    form: Partial<Pick<SearchVariantsView, 'values' | 'errors' | 'notice'>>,
    status: 200 | 400 | 409 = 200,
  ) => {
    const { actor } = requireSession(c);
    const settings = await listSearchVariants(db, actor);
    const view: SearchVariantsView = {
      ...settings,
      csrf: c.get('csrfToken'),
      canManage: can(actor, 'searchVariant.manage', { municipalityId: actor.municipalityId }),
      values: form.values ?? { variant: '', canonical: '' },
      errors: form.errors ?? [],
      notice: form.notice,
    };
    return c.html(await renderPage(<SearchVariantsPage view={view} />), status);
  };

  const noticeOf = (c: Context<AppEnv>): SearchVariantsView['notice'] => {
    const changed = Number(c.req.query('changed') ?? '0');
    const count = Number.isSafeInteger(changed) && changed >= 0 ? changed : 0;
    if (c.req.query('added') === '1') return { kind: 'added', changed: count };
    if (c.req.query('removed') === '1') return { kind: 'removed', changed: count };
    return undefined;
  };

  app.get(SEARCH_VARIANTS_URL, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    return render(c, { notice: noticeOf(c) });
  });

  app.post(SEARCH_VARIANTS_URL, async (c) => {
    const { actor } = requireSession(c);
    // Refused before the body is read; the service checks again.
    authorize(actor, 'searchVariant.manage', { municipalityId: actor.municipalityId });
    const body = await formBody(c);
    const text = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
    const values = { variant: text('variant'), canonical: text('canonical') };
    try {
      const { refolded } = await addSearchVariant(db, actor, values);
      return c.redirect(`${SEARCH_VARIANTS_URL}?added=1&changed=${refolded.changed}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !['INVALID_INPUT', 'CONFLICT'].includes(error.code)) throw error;
      const message = MESSAGES[error.message] ?? '入力内容を確認してください。';
      const field =
        error.message === VARIANT_REFUSALS.missing && values.variant.trim() !== ''
          ? 'variant-canonical'
          : 'variant-variant';
      const errors: FieldError[] = [{ field, message }];
      return render(c, { values, errors }, error.code === 'CONFLICT' ? 409 : 400);
    }
  });

  app.post(`${SEARCH_VARIANTS_URL}/:id{[0-9]+}/delete`, async (c) => {
    const { actor } = requireSession(c);
    authorize(actor, 'searchVariant.manage', { municipalityId: actor.municipalityId });
    const { refolded } = await removeSearchVariant(db, actor, Number(c.req.param('id')));
    return c.redirect(`${SEARCH_VARIANTS_URL}?removed=1&changed=${refolded.changed}`, 303);
  });
}

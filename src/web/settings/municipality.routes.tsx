import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { authorize } from '../../domain/auth/policy.ts';
import {
  getOwnMunicipality,
  MAX_MUNICIPALITY_NAME,
  updateMunicipalitySettings,
} from '../../domain/municipalities/municipality-settings.service.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import {
  MUNICIPALITY_URL,
  MunicipalityPage,
  type MunicipalityValues,
  municipalityFieldId,
} from './municipality.page.tsx';
import type { FieldError } from './settings.fields.tsx';

/** The service's English refusals of a code (local-gov-code.ts, shared with the CLI), in Japanese. */
function codeError(error: AppError): string {
  if (error.code === 'CONFLICT')
    return 'このコードはほかの自治体に登録されています。コードを確かめてください。';
  if (/check digit/.test(error.message))
    return '検査数字（6桁目）が合いません。総務省の全国地方公共団体コード一覧で確かめてください。';
  if (/prefecture/.test(error.message))
    return '先頭2桁の都道府県コードは01から47です。コードを確かめてください。';
  return '全国地方公共団体コードは、検査数字を含む6桁の数字で入力してください（例：131016）。';
}

/** 自治体の設定 (admin): the city's name and its 全国地方公共団体コード. */
export function registerMunicipalityRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  const admin = (c: Context<AppEnv>) => {
    const { actor } = requireSession(c);
    authorize(actor, 'municipality.manage', { municipalityId: actor.municipalityId });
    return actor;
  };

  const render = async (c: Context<AppEnv>, values?: MunicipalityValues, errors: FieldError[] = []) => {
    const actor = admin(c);
    const city = await getOwnMunicipality(db, actor);
    const view = {
      csrf: c.get('csrfToken'),
      values: values ?? { name: city.name, localGovCode: city.local_gov_code ?? '' },
      errors,
      notice: c.req.query('saved') === '1' ? '自治体の設定を保存しました。' : undefined,
    };
    return c.html(await renderPage(<MunicipalityPage view={view} />), errors.length > 0 ? 400 : 200);
  };

  app.get(MUNICIPALITY_URL, async (c) => loginRedirect(c) ?? render(c));

  app.post(MUNICIPALITY_URL, async (c) => {
    const actor = admin(c);
    const body = await formBody(c);
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const values = { name: text('name'), localGovCode: text('localGovCode') };
    const name = values.name.trim();
    if (name === '' || [...name].length > MAX_MUNICIPALITY_NAME)
      return render(c, values, [
        {
          field: municipalityFieldId.name,
          message: `自治体名を${MAX_MUNICIPALITY_NAME}文字以内で入力してください。`,
        },
      ]);
    try {
      await updateMunicipalitySettings(db, actor, values);
    } catch (error) {
      if (!(error instanceof AppError) || !['INVALID_INPUT', 'CONFLICT'].includes(error.code)) throw error;
      const field = error.location.field === 'name' ? municipalityFieldId.name : municipalityFieldId.code;
      const message = field === municipalityFieldId.name ? error.message : codeError(error);
      return render(c, values, [{ field, message }]);
    }
    return c.redirect(`${MUNICIPALITY_URL}?saved=1`, 303);
  });
}

import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { authorize, can } from '../../domain/auth/policy.ts';
import { isInterimPublic, setInterimPublic } from '../../domain/municipalities/interim-setting.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { INTERIM_PUBLICATION_URL, InterimPublicationPage } from './interim-publication.page.tsx';

/** 中間報告の公表: GET shows the city's setting, POST saves it (Post/Redirect/Get). */
export function registerInterimPublicationRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(INTERIM_PUBLICATION_URL, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const view = {
      interimPublic: await isInterimPublic(db, actor.municipalityId),
      csrf: c.get('csrfToken'),
      canManage: can(actor, 'policy.manage', { municipalityId: actor.municipalityId }),
      saved: c.req.query('saved') === '1',
    };
    return c.html(await renderPage(<InterimPublicationPage view={view} />));
  });

  app.post(INTERIM_PUBLICATION_URL, async (c) => {
    const { actor } = requireSession(c);
    authorize(actor, 'policy.manage', { municipalityId: actor.municipalityId });
    const value = (await formBody(c)).interimPublic;
    if (value !== '1' && value !== '0') {
      const view = {
        interimPublic: await isInterimPublic(db, actor.municipalityId),
        csrf: c.get('csrfToken'),
        canManage: true,
        saved: false,
        error: '「公開する」か「庁内のみ」のどちらかを選んでから保存してください。',
      };
      return c.html(await renderPage(<InterimPublicationPage view={view} />), 400);
    }
    await setInterimPublic(db, actor, actor.municipalityId, value === '1');
    return c.redirect(`${INTERIM_PUBLICATION_URL}?saved=1`, 303);
  });
}

import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { reviewPhase } from '../../domain/review/review.service.ts';
import { countUnread } from '../../domain/workflow/notification.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { idParam, phaseParam } from './form.ts';
import { ReviewPage } from './review.page.tsx';
import { presentReview } from './review.presenter.ts';
import { reviewUrls } from './review.urls.ts';

const css = `
.review-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; list-style: none; }
.review-section { margin: 2rem 0; }
.review-changes, .review-items { padding-left: 1.25rem; }
.review-change { margin: 0.75rem 0; }
.review-change__head { margin: 0; font-weight: 700; }
.review-items li { margin: 0.25rem 0; }
.review-item-no, .review-diff, .review-note { display: block; }
.review-diff { white-space: pre-line; }
.review-tag { display: inline-block; margin-left: 0.25rem; padding: 0 0.5rem; border: 1px solid currentColor; border-radius: 4px; font-weight: 400; }
.review-diff ins { text-decoration: underline; text-decoration-thickness: 2px; background: #e6f5ec; color: #0c472a; }
.review-diff del { text-decoration: line-through; background: #fdeeee; color: #7a0c0c; }
.review-return-comment { border-left: 4px solid #b3261e; padding: 0.25rem 1rem; background: #fdf3f2; }
.review-return-comment .comment { white-space: pre-wrap; font-weight: 700; }
.return-notice { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #b3261e; background: #fdf3f2; }
.return-notice h2 { margin: 0; font-size: var(--font-size-18, 1.125rem); }
.return-notice__comment { white-space: pre-wrap; font-weight: 700; }
.review-result h3 { font-size: var(--font-size-18, 1.125rem); }
`;

/** The read-only review of one phase, linked from every approval card (panel, inbox). */
export function registerReviewRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(reviewUrls.stylesheet(), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(css);
  });

  app.get('/staff/review/:departmentId{[0-9]+}/:year{[0-9]{4}}/:phase', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const review = await reviewPhase(db, actor, {
      departmentId: idParam(c.req.param('departmentId')),
      year: Number(c.req.param('year')),
      phase: phaseParam(c.req.param('phase')),
    });
    const view = presentReview(actor, review, await countUnread(db, actor.userId));
    return c.html(await renderPage(<ReviewPage view={view} />));
  });
}

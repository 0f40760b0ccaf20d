import type { Child } from 'hono/jsx';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import { Layout } from '../components/layout.tsx';
import { workflowUrls } from './format.ts';

export interface ShellProps {
  title: string;
  unread: number;
  notice?: string;
  error?: string;
  /** A page's own stylesheets, after the workflow's. */
  stylesheets?: string[];
  /** Self-hosted page scripts the page also works without (the unsaved-changes warning). */
  scripts?: string[];
  children: Child;
}

/** Staff workflow pages: one layout, a short menu, and the outcome of the last action. */
export function WorkflowShell(props: ShellProps) {
  const { title, unread, notice, error, stylesheets = [], scripts = [], children } = props;
  return (
    <Layout
      title={title}
      wide
      stylesheets={['/assets/staff.css', workflowUrls.stylesheet(), ...stylesheets]}
      scripts={scripts}
    >
      <div class="page workflow">
        <nav class="workflow-nav" aria-label="職員メニュー">
          <ul>
            <li>
              <a href="/staff">職員メニュー</a>
            </li>
            <li>
              <a href={workflowUrls.inbox()}>受信箱{unread > 0 ? `（未読 ${unread}件）` : ''}</a>
            </li>
            <li>
              <a href={workflowUrls.matrix(fiscalYearOf(new Date()))}>年度の進行状況</a>
            </li>
            <li>
              <a href={workflowUrls.chain()}>承認経路</a>
            </li>
          </ul>
        </nav>
        <h1 class="page-title">{title}</h1>
        {error ? (
          <div class="form-error" role="alert" id="workflow-error">
            <p>{error}</p>
          </div>
        ) : null}
        {notice ? (
          <div class="workflow-notice" role="status">
            <p>{notice}</p>
          </div>
        ) : null}
        {children}
      </div>
    </Layout>
  );
}

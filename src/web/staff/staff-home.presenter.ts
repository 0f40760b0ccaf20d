import type { Phase } from '../../db/schema.ts';
import type { SessionContext } from '../../domain/auth/session.service.ts';
import { roleLabels } from '../../domain/vocabulary/roles.ts';
import { formatDueDate } from '../../domain/workflow/deadline-clock.ts';
import type { Inbox, Task, WaitingEntry } from '../../domain/workflow/inbox.service.ts';
import { phaseLabels, stateLabels } from '../../domain/workflow/labels.ts';
import { editorUrls } from '../editor/editor.urls.ts';
import { workflowUrls, yearHeading } from '../workflow/format.ts';
import { reviewUrls } from '../workflow/review.urls.ts';
import type { StaffLink } from './staff-menu.ts';

export interface HomeLink {
  href: string;
  label: string;
}

export interface WaitingView {
  /** The link to the page where the work is done; its text says the whole task. */
  main: HomeLink;
  /** The department's panel, where the step itself (提出・承認・受理・公表) is taken. */
  panel: HomeLink;
  statusLabel: string;
  dueLabel?: string;
  overdue: boolean;
  returnedComment?: string;
  returned: boolean;
}

export interface StaffHomeView {
  displayName: string;
  login: string;
  grants: string[];
  csrfToken: string;
  waiting: WaitingView[];
  overdue: Array<{ link: HomeLink; dueLabel: string; statusLabel: string }>;
  progress: {
    yearLabel: string;
    /** Some phase of the year has started (企画 opened the year, or an import brought it in). */
    started: boolean;
    /** The reader may open the year (企画): the empty state then says where. */
    canOpenYear: boolean;
    matrixHref: string;
    columns: Array<{ phase: Phase; label: string }>;
    rows: Array<{
      name: string;
      href: string;
      cells: Array<{ label: string; dueLabel?: string; overdue: boolean }>;
    }>;
  };
  work: StaffLink[];
  settings: StaffLink[];
}

const taskVerb: Record<Task, string> = {
  write: 'を入力して提出する',
  approve: 'の内容を確認して承認する',
  accept: 'の内容を確認して受理する',
  publish: 'を公表する',
};

const what = (e: { departmentName: string; year: number; phase: Phase }) =>
  `${e.departmentName} ${yearHeading(e.year)} ${phaseLabels[e.phase]}`;

/** Where each task is done: the phase's own input page, the review page, or the panel's 公表. */
function workHref(e: WaitingEntry): string {
  if (e.task === 'approve' || e.task === 'accept') return reviewUrls.phase(e.departmentId, e.year, e.phase);
  if (e.task === 'publish') return `${workflowUrls.panel(e.departmentId, e.year)}#phase-${e.phase}`;
  if (e.phase === 'goal_setting')
    return editorUrls.block({ departmentId: e.departmentId, year: e.year, block: 'plan' });
  return e.phase === 'interim'
    ? workflowUrls.interim(e.departmentId, e.year)
    : workflowUrls.final(e.departmentId, e.year);
}

function waitingView(e: WaitingEntry): WaitingView {
  return {
    main: { href: workHref(e), label: `${what(e)}${e.returned ? 'を直して再提出する' : taskVerb[e.task]}` },
    panel: { href: `${workflowUrls.panel(e.departmentId, e.year)}#phase-${e.phase}`, label: what(e) },
    statusLabel: e.returned ? '差し戻し' : stateLabels[e.status],
    dueLabel: e.dueDate === undefined ? undefined : formatDueDate(e.dueDate),
    overdue: e.overdue,
    returned: e.returned !== undefined,
    returnedComment: e.returned?.comment,
  };
}

/** The staff home as a view: no I/O, everything already loaded. */
export function presentStaffHome(
  session: SessionContext,
  inbox: Inbox,
  menu: readonly StaffLink[],
  departmentNames: ReadonlyMap<number, string>,
  canOpenYear: boolean,
): StaffHomeView {
  const { actor } = session;
  return {
    displayName: session.displayName,
    login: actor.login,
    csrfToken: session.csrfToken,
    grants: actor.grants.map(
      (g) =>
        `${roleLabels[g.role]}${g.departmentId === null ? '' : `: ${departmentNames.get(g.departmentId) ?? ''}`}`,
    ),
    waiting: inbox.waiting.map(waitingView),
    overdue: inbox.overdue.map((o) => ({
      link: { href: `${workflowUrls.panel(o.departmentId, o.year)}#phase-${o.phase}`, label: what(o) },
      dueLabel: formatDueDate(o.dueDate),
      statusLabel: o.status ? stateLabels[o.status] : '未開始',
    })),
    progress: {
      yearLabel: yearHeading(inbox.progress.year),
      started: inbox.progress.departments.some((d) => d.cells.some((c) => c.status !== undefined)),
      canOpenYear,
      matrixHref: workflowUrls.matrix(inbox.progress.year),
      columns: (['goal_setting', 'interim', 'final'] as const).map((phase) => ({
        phase,
        label: phaseLabels[phase],
      })),
      rows: inbox.progress.departments.map((d) => ({
        name: d.name,
        href: workflowUrls.panel(d.id, inbox.progress.year),
        cells: d.cells.map((c) => ({
          label: c.status ? stateLabels[c.status] : '未開始',
          dueLabel: c.dueDate === undefined ? undefined : formatDueDate(c.dueDate),
          overdue: c.overdue,
        })),
      })),
    },
    work: menu.filter((l) => l.group === 'work'),
    settings: menu.filter((l) => l.group === 'settings'),
  };
}

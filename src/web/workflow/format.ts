import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';

const tokyoTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A stored UTC instant as Tokyo wall-clock time: 2027/05/24 09:00. */
export function formatInstant(iso: string): string {
  return tokyoTime.format(new Date(iso));
}

/** 令和9年度（2027年度）. */
export function yearHeading(year: number): string {
  return `${formatFiscalYear(year)}（${year}年度）`;
}

export const workflowUrls = {
  panel: (departmentId: number, year: number) => `/staff/workflow/${departmentId}/${year}`,
  transition: (departmentId: number, year: number, phase: string) =>
    `/staff/workflow/${departmentId}/${year}/${phase}`,
  publishConfirm: (departmentId: number, year: number, phase: string) =>
    `/staff/workflow/${departmentId}/${year}/${phase}/publish`,
  interim: (departmentId: number, year: number) => `/staff/workflow/${departmentId}/${year}/interim`,
  final: (departmentId: number, year: number) => `/staff/workflow/${departmentId}/${year}/final`,
  /** The 中間報告 of all items of one goal, saved by one 保存. */
  interimGoal: (departmentId: number, year: number, goalId: number) =>
    `/staff/workflow/${departmentId}/${year}/interim/goals/${goalId}`,
  matrix: (year: number) => `/staff/workflow/matrix/${year}`,
  chain: () => '/staff/workflow/chain',
  inbox: () => '/staff/inbox',
  stylesheet: () => '/assets/workflow.css',
};

import { formatFiscalYear } from '../fiscal-year/wareki.ts';
import type { DepartmentHistory, ThreadStep } from './across-years.service.ts';

/**
 * The plain-text chain of every goal of a department, one thread per goal, one line per year:
 * where it stood (plan / review row), whether it was new or continued, and where it ended.
 */
export function formatHistory(history: DepartmentHistory): string {
  const { department, years, threads, predecessors } = history;
  const span = years.length > 0 ? `${years[0]}–${years[years.length - 1]}` : 'no stored years';
  const lines = [`${department.name}: ${threads.length} goals, ${span}`];
  const names = new Map([
    [department.id, department.name],
    ...predecessors.map((p) => [p.departmentId, p.name] as const),
  ]);
  for (const p of predecessors) {
    lines.push(`  (${p.kind} ${p.effectiveYear}: ${p.name} → ${names.get(p.successorId) ?? p.successorId})`);
  }
  lines.push('  marks: new, continued, ended; ? = suggested by text similarity, not yet confirmed');
  for (const thread of threads) {
    lines.push('', `■ ${thread.title}`);
    for (const step of thread.steps) lines.push(stepLine(step, department.id));
  }
  return `${lines.join('\n')}\n`;
}

function stepLine(step: ThreadStep, departmentId: number): string {
  const rows = [step.plan ? `plan ${step.plan.no}` : '', step.review ? `review ${step.review.no}` : '']
    .filter(Boolean)
    .join(' / ');
  const guessed = step.from.some((l) => l.status === 'suggested') ? '?' : '';
  const arrival =
    step.arrival === null ? '' : `${step.arrival}${step.arrival === 'continued' ? guessed : ''}`;
  const absorbed = step.from.filter((l) => l.kind === 'absorbed').length;
  const marks = [
    arrival,
    absorbed > 0 ? `absorbed ${absorbed}` : '',
    step.departure === 'ended' ? 'ended' : '',
  ]
    .filter(Boolean)
    .join(', ');
  const goal = step.plan ?? step.review;
  const elsewhere = goal && goal.departmentId !== departmentId ? ` [${goal.departmentName}]` : '';
  const year = `${step.fiscalYear} ${formatFiscalYear(step.fiscalYear)}`;
  return `  ${year}  ${rows.padEnd(18)} ${marks.padEnd(22)} ${goal?.title ?? ''}${elsewhere}`;
}

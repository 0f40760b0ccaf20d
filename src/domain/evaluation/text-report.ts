import { formatFiscalYear } from '../fiscal-year/wareki.ts';
import { circledNumber } from '../vocabulary/numbering.ts';
import type {
  CityEvaluation,
  DepartmentEvaluation,
  GoalEvaluation,
  GradeCount,
  ItemStatus,
  MatchView,
  QuantityView,
  RollUp,
  TargetEvaluation,
} from './evaluation.types.ts';
import { describeScale, type GradeScale } from './grades.ts';
import { renderTable, truncate } from './text-table.ts';

const STATUS: Record<ItemStatus, string> = {
  achieved: '達成',
  partly: '概ね達成',
  not: '未達成',
  unreported: '未報告',
  qualitative: '定性',
};

function matchLabel(m: MatchView): string {
  if (!m.stored) return '推定';
  return { suggested: '候補', confirmed: '確認済', manual: '手動', rejected: '却下' }[m.status];
}

const quantity = (q: QuantityView): string => q.text ?? `${q.value}${q.unit}`;
const percent = (rate: number | null): string => (rate === null ? '—' : `${rate.toFixed(1)}%`);
const yearTitle = (year: number): string => `${formatFiscalYear(year)}（${year}年度）`;

function targetRow(itemNo: string, t: TargetEvaluation): string[] {
  const indicator = t.indicator ? `［${t.indicator.kindLabel}］` : '';
  return [
    itemNo,
    `${indicator}${t.name ? `${t.name} ` : ''}${quantity(t.target)}`,
    t.actual ? quantity(t.actual) : '—',
    percent(t.rate),
    t.grade ?? '—',
    STATUS[t.status],
    t.asOf ?? '',
    matchLabel(t.match),
  ];
}

const COLUMNS = [
  { header: '項目' },
  { header: '目標', max: 44 },
  { header: '実績', max: 24 },
  { header: '達成率', align: 'right' as const },
  { header: '評価' },
  { header: '状態' },
  { header: '時点' },
  { header: '照合' },
];

function goalLines(goal: GoalEvaluation): string[] {
  const head = `■ ${goal.no} ${goal.title}　${goal.grade ?? '未評価'}（${percent(goal.rate)}）`;
  const rows: string[][] = [];
  for (const item of goal.items) {
    const no = circledNumber(item.no);
    if (item.kind === 'qualitative') {
      const a = item.selfAssessment;
      const graded = a?.inScale
        ? `自己評価 ${a.grade}${a.comment ? `「${truncate(a.comment, 30)}」` : ''}`
        : '未評価';
      rows.push([no, `（定性）${item.text}`, graded, '', item.grade ?? '—', STATUS.qualitative, '', '']);
    }
    for (const t of item.targets) rows.push(targetRow(no, t));
  }
  return [head, ...renderTable(COLUMNS, rows, '  '), ''];
}

const counts = (list: GradeCount[]): string => list.map((g) => `${g.label} ${g.count}`).join(' / ');

function rollUpLines(r: RollUp): string[] {
  const t = r.targets;
  return [
    `  目標値 ${t.total}件: 報告 ${t.reported}・未報告 ${t.unreported}（${counts(t.byGrade)}）`,
    `  取組項目 ${r.items.total}件（数値 ${r.items.numeric}・定性 ${r.items.qualitative}）: ${counts(r.items.byGrade)}・未報告 ${r.items.unreported}・未評価 ${r.items.unassessed}`,
    `  重点目標 ${r.goals.total}件: ${counts(r.goals.byGrade)}・未評価 ${r.goals.ungraded}`,
    `  全体: ${r.grade ?? '未評価'}（${percent(r.rate)}）`,
  ];
}

const scaleLine = (scale: GradeScale): string => `評価区分: ${scale.name}（${describeScale(scale)}）`;

/** The evaluation of one department and year as a plain-text report. */
export function formatDepartmentEvaluation(e: DepartmentEvaluation): string {
  const lines = [
    `${e.municipality.name} ${e.department.name}　${yearTitle(e.fiscalYear)} 目標と実績`,
    scaleLine(e.scale),
    ...(e.reviewAvailable ? [] : ['※ この年度の実績（翌年度の一覧表）はまだ取り込まれていません。']),
    '',
    ...e.goals.flatMap(goalLines),
    '集計',
    ...rollUpLines(e.rollUp),
  ];
  return `${lines.join('\n')}\n`;
}

/** The city's roll-up per department, then over all departments. */
export function formatCityEvaluation(e: CityEvaluation): string {
  const rows = e.departments.map((d) => [
    d.name,
    d.rollUp.grade ?? '未評価',
    percent(d.rollUp.rate),
    counts(d.rollUp.goals.byGrade),
    String(d.rollUp.targets.unreported),
    String(d.rollUp.items.unassessed),
  ]);
  const columns = [
    { header: '部局' },
    { header: '評価' },
    { header: '達成率', align: 'right' as const },
    { header: '重点目標の評価分布', max: 50 },
    { header: '未報告', align: 'right' as const },
    { header: '未評価', align: 'right' as const },
  ];
  const lines = [
    `${e.municipality.name}　${yearTitle(e.fiscalYear)} 目標と実績（全部局）`,
    scaleLine(e.scale),
    '',
    ...renderTable(columns, rows),
    '',
    '集計',
    ...rollUpLines(e.rollUp),
  ];
  return `${lines.join('\n')}\n`;
}

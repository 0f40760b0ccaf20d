import type { TargetStatus } from '../../domain/evaluation/index.ts';
import type { DepartmentRef, MunicipalityRef } from '../../views/view-models.ts';
import type { CountBar } from '../charts/index.ts';

/** What the dashboards show; presenters build these from the evaluation service, pages render them. */
export interface DepartmentSummary extends DepartmentRef {
  goals: number;
  targets: number;
  achieved: number;
  partly: number;
  not: number;
  unreported: number;
  /** Targets with an actual: what the rate stands on. */
  reported: number;
  /** averageOf (domain/evaluation/average.ts): reported targets only, percent. */
  rate: number | null;
}

/** A department whose results are not public for the year: listed as 未公表, never counted. */
export interface UnpublishedDepartment extends DepartmentRef {
  /** `plan`: its targets are public, its achievements not yet; `none`: nothing of the year is. */
  state: 'plan' | 'none';
}

export interface CityDashboardView {
  municipality: MunicipalityRef;
  year: number;
  /** Years with at least one fully published department, for the year switcher. */
  years: number[];
  goalGrades: CountBar[];
  departments: DepartmentSummary[];
  /** Departments without published results for the year, in the city's order (未公表). */
  pending: UnpublishedDepartment[];
  total: Omit<DepartmentSummary, 'id' | 'name'>;
}

export interface TargetRow {
  id: number;
  /** `①` and the item text. */
  item: string;
  /** The indicator name (confirmed, or read cleanly from the target), else the item text. */
  label: string;
  target: string;
  actual: string | null;
  rate: number | null;
  status: TargetStatus;
  asOf: string | null;
}

export interface GoalBlock {
  no: number;
  title: string;
  /** The goal's grade (goalGrade): computed where the numbers give one, else the department's rating. */
  grade: string | null;
  gradeSource: 'computed' | 'self' | null;
  /** What the numbers give, shown beside the department's rating. */
  computedGrade: string | null;
  /** The department's 期末報告 rating in the scale, and its reason. */
  selfGrade: string | null;
  reason: string | null;
  disagrees: boolean;
  rate: number | null;
  targets: TargetRow[];
  /** Items without a numeric target (graded by self-assessment). */
  qualitativeItems: number;
}

export interface TrendView {
  title: string;
  unit: string;
  points: Array<{ year: number; target: number | null; actual: number | null }>;
}

export interface DepartmentDashboardView {
  municipality: MunicipalityRef;
  department: DepartmentRef;
  year: number;
  years: number[];
  /** `plan`: targets are public, achievements not yet: nothing is evaluated in public. */
  publication: 'full' | 'plan';
  /** The department's averageOf: reported targets only, with the number 未報告. */
  average: { rate: number | null; reported: number; unreported: number };
  goalGrades: CountBar[];
  goals: GoalBlock[];
  trends: TrendView[];
}

export const STATUS_LABELS: Record<TargetStatus, string> = {
  achieved: '達成',
  partly: '概ね達成',
  not: '未達成',
  unreported: '未報告',
};

export const dashboardUrls = {
  city: (code: string, year: number) => `/m/${encodeURIComponent(code)}/dashboard/${year}`,
  department: (code: string, departmentId: number, year: number) =>
    `/m/${encodeURIComponent(code)}/d/${departmentId}/dashboard/${year}`,
  stylesheet: () => '/assets/dashboard.css',
};

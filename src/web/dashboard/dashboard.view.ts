import type { TargetStatus } from '../../domain/evaluation/index.ts';
import type { CountBar } from '../charts/index.ts';
import type { DepartmentRef, MunicipalityRef } from '../view-models.ts';

/** What the dashboards show; presenters build these from the evaluation service, pages render them. */
export interface DepartmentSummary extends DepartmentRef {
  goals: number;
  targets: number;
  achieved: number;
  partly: number;
  not: number;
  unreported: number;
  /** Mean of the goal rates, percent. */
  rate: number | null;
}

export interface CityDashboardView {
  municipality: MunicipalityRef;
  year: number;
  /** Years with at least one fully published department, for the year switcher. */
  years: number[];
  goalGrades: CountBar[];
  departments: DepartmentSummary[];
  /** Departments whose targets are public but whose achievements are not yet. */
  pending: DepartmentRef[];
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
  grade: string | null;
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

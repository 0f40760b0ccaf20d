import type { LineagePairs } from '../domain/document/lineage-pairs.ts';
import type { PublicInterim } from '../domain/publication/reader.ts';
import type { IchiranDocument } from '../format/document.schema.ts';

/** What the public pages show; presenters build these, pages only render them. */
export interface MunicipalityRef {
  code: string;
  name: string;
}

export interface DepartmentRef {
  id: number;
  name: string;
}

export interface IndexView {
  municipalities: Array<
    MunicipalityRef & {
      departments: Array<DepartmentRef & { planYears: number[] }>;
    }
  >;
}

export interface IchiranhyoView {
  municipality: MunicipalityRef;
  department: DepartmentRef;
  document: IchiranDocument;
  /** Which review goal each plan goal continues by decided lineage (goals of `document`); without it, by position. */
  lineagePairs?: LineagePairs;
  /** Other plan years stored for this department, for the year switcher. */
  planYears: number[];
  /** URL of the interchange JSON of this table. */
  jsonUrl: string;
  /** Evaluation marks of the plan items; absent while the year's achievements are not public. */
  marks?: EvaluationMarksView;
  /** The plan year's 中間報告, as far as the public may see it (domain/publication). */
  interim?: PublicInterim;
}

export interface EvaluationMarksView {
  /** Drawn beside the plan items (`?marks=1`); otherwise the page only offers the link. */
  shown: boolean;
  /** The page in the other state (評価を表示 / 評価を隠す). */
  toggleHref: string;
  /** `${goalNo}/${itemNo}` of a plan item → its grade or status in words. */
  items: ReadonlyMap<string, string>;
}

/** URLs in one place so pages and routes agree. */
export const urls = {
  home: () => '/',
  municipality: (code: string) => `/m/${encodeURIComponent(code)}`,
  ichiranhyo: (code: string, departmentId: number, planYear: number) =>
    `/m/${encodeURIComponent(code)}/d/${departmentId}/${planYear}`,
  ichiranhyoJson: (code: string, departmentId: number, planYear: number) =>
    `/m/${encodeURIComponent(code)}/d/${departmentId}/${planYear}.json`,
  ichiranhyoFile: (code: string, departmentId: number, planYear: number, ext: 'pdf' | 'xlsx') =>
    `/m/${encodeURIComponent(code)}/d/${departmentId}/${planYear}.${ext}`,
  ichiranhyoPrint: (code: string, departmentId: number, planYear: number) =>
    `/m/${encodeURIComponent(code)}/d/${departmentId}/${planYear}/print`,
  departmentDashboard: (code: string, departmentId: number, year: number) =>
    `/m/${encodeURIComponent(code)}/d/${departmentId}/dashboard/${year}`,
  departmentLineage: (code: string, departmentId: number) =>
    `/m/${encodeURIComponent(code)}/d/${departmentId}/lineage`,
  cityDashboard: (code: string, year: number) => `/m/${encodeURIComponent(code)}/dashboard/${year}`,
  cityPrint: (code: string, planYear: number) => `/m/${encodeURIComponent(code)}/print/${planYear}`,
  openData: () => '/open-data',
  search: () => '/search',
};

import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { attachmentDisposition } from '../../domain/vocabulary/file-names.ts';
import type { CsvEncoding } from '../../exporters/csv/index.ts';

/** The files each municipality and plan year offers, as the last segment of their URL. */
export const openDataFiles = ['items.csv', 'quantities.csv', 'tables.json'] as const;
export type OpenDataFile = (typeof openDataFiles)[number];

export interface FileRef {
  code: string;
  planYear: number;
  /** Absent: the whole municipality (every department with a published table that year). */
  departmentId?: number;
  file: OpenDataFile;
  encoding?: CsvEncoding;
}

/** Stable URLs: they name the municipality code, plan year and department id, never a position. */
export const openDataUrls = {
  catalog: () => '/open-data',
  stylesheet: () => '/assets/open-data.css',
  file: ({ code, planYear, departmentId, file, encoding }: FileRef) => {
    const dept = departmentId === undefined ? '' : `/${departmentId}`;
    const query = encoding === 'cp932' ? '?encoding=cp932' : '';
    return `/open-data/${encodeURIComponent(code)}/${planYear}${dept}/${file}${query}`;
  },
};

const fileTitles: Record<OpenDataFile, string> = {
  'items.csv': '重点取組項目',
  'quantities.csv': '数量',
  'tables.json': '重点目標一覧表',
};

// Characters Windows, macOS or a shell would refuse or misread in a file name.
const unsafeInName = /[\\/:*?"<>|\p{Cc}]/gu;

/** `上田市_市民まちづくり推進部_令和4年度_重点取組項目_SJIS.csv`: a name a person recognises. */
export function downloadName(ref: FileRef, municipalityName: string, departmentName?: string): string {
  const extension = ref.file.slice(ref.file.lastIndexOf('.'));
  const parts = [municipalityName, departmentName, formatFiscalYear(ref.planYear), fileTitles[ref.file]];
  if (ref.encoding === 'cp932') parts.push('SJIS');
  const base = parts
    .filter((p): p is string => Boolean(p))
    .join('_')
    .replace(unsafeInName, '_');
  return `${base}${extension}`;
}

/** An ASCII-only name for clients that ignore filename*. */
function asciiName(ref: FileRef): string {
  const code = ref.code.replace(/[^A-Za-z0-9_-]/g, '') || 'open-data';
  const dept = ref.departmentId === undefined ? '' : `-${ref.departmentId}`;
  const sjis = ref.encoding === 'cp932' ? '-sjis' : '';
  const [stem, extension] = ref.file.split('.');
  return `${code}-${ref.planYear}${dept}-${stem}${sjis}.${extension}`;
}

/** RFC 6266 with an RFC 8187 UTF-8 name (the one definition in the vocabulary module). */
export function contentDisposition(ref: FileRef, name: string): string {
  return attachmentDisposition(name, asciiName(ref));
}

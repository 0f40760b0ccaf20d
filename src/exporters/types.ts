import type { LineagePairs } from '../domain/document/lineage-pairs.ts';
import type { IchiranDocument } from '../format/document.schema.ts';

/** One department's 一覧表 as the exporters receive it: everything they print, nothing they query. */
export interface TableExport {
  /** `code` is this site's slug; `localGovCode` the 全国地方公共団体コード, when the city has one. */
  municipality: { code: string; name: string; localGovCode?: string | null };
  department: { id: number; name: string };
  document: IchiranDocument;
  /** Which review goal each plan goal continues (a stored table's); without it goals pair by position. */
  lineagePairs?: LineagePairs;
}

/** What an exporter returns: the bytes and how to label them. */
export interface ExportOutput {
  contentType: string;
  /** File extension without the dot, for download names. */
  extension: string;
  body: string | Uint8Array;
  /** Things a person should know about the output (e.g. characters CP932 could not encode). */
  notices?: string[];
}

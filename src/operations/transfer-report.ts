import type { ArchiveHeader, TransferSink } from '../db/transfer/archive-format.ts';

/** What backup, restore and copy tell the operator. */
export interface TransferReport {
  tables: number;
  rows: number;
  /** The schema the data was written under: the last migration applied to the source. */
  migration: string | null;
  /** Migrations run on the target after loading (an older backup, upgraded). */
  upgradedWith: string[];
  ms: number;
}

export function reportOf(header: ArchiveHeader, upgradedWith: string[], started: number): TransferReport {
  return {
    tables: header.tables.length,
    rows: header.tables.reduce((n, t) => n + t.rows, 0),
    migration: header.migrations.at(-1) ?? null,
    upgradedWith,
    ms: Math.round(performance.now() - started),
  };
}

/** Called each time a table is done, for progress bars. */
export type OnTable = (table: string, done: number, total: number) => void;

export function observed(sink: TransferSink, onTable?: OnTable): TransferSink {
  if (!onTable) return sink;
  let header: ArchiveHeader | undefined;
  let next = 0;
  const upTo = (index: number) => {
    for (; next < index; next++) onTable(header!.tables[next]!.name, next + 1, header!.tables.length);
  };
  return {
    async begin(h) {
      header = h;
      await sink.begin(h);
    },
    async rows(table, rows) {
      upTo(header!.tables.findIndex((t) => t.name === table));
      await sink.rows(table, rows);
    },
    async end() {
      await sink.end();
      upTo(header!.tables.length);
    },
  };
}

import type { Block } from '../../domain/document/document.schema.ts';

/** ids of the table's header cells, referenced by the data cells' `headers` attribute. */
export const headerIds = {
  no: 'th-no',
  block: (b: Block) => `th-${b}`,
  item: (b: Block) => `th-${b}-item`,
  note: (b: Block) => `th-${b}-note`,
  row: (no: number) => `th-row-${no}`,
  goal: (no: number, b: Block) => `th-row-${no}-${b}`,
};

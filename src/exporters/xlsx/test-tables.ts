import { readFile } from 'node:fs/promises';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { readSource } from '../../importer/read-source.ts';
import type { TableExport } from '../types.ts';

/** Test data shared by the writer's and the reader's tests. */
export const seedFile = new URL('../../../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);

export async function seedDocument(): Promise<IchiranDocument> {
  const [doc] = readSource('seed.txt', await readFile(seedFile)).documents;
  if (!doc) throw new Error('the seed holds no document');
  return doc;
}

export function tablesOf(...documents: IchiranDocument[]): TableExport[] {
  return documents.map((document, index) => ({
    municipality: { code: 'ueda', name: '上田市' },
    department: { id: index + 1, name: document.department },
    document,
  }));
}

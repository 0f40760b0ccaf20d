import { MAX_QUERY_LENGTH } from '../../search/query.ts';
import type { SearchQuery } from '../../views/search.urls.ts';

type Read = (name: string) => string | undefined;

/** Reads the form's GET parameters; a value that is not what the form sends is ignored, not an error. */
export function readSearchQuery(read: Read): SearchQuery {
  const q = (read('q') ?? '').slice(0, MAX_QUERY_LENGTH);
  const int = (name: string, pattern: RegExp) => {
    const value = read(name);
    return value !== undefined && pattern.test(value) ? Number(value) : undefined;
  };
  const block = read('block');
  // Any label a scale may hold (custom ones too); the presenter keeps it only if the filter offers it.
  const grade = read('grade')?.trim();
  const page = int('page', /^[1-9][0-9]{0,4}$/);
  return {
    q,
    year: int('year', /^[0-9]{4}$/),
    department: int('department', /^[1-9][0-9]{0,9}$/),
    block: block === 'plan' || block === 'review' ? block : undefined,
    grade: grade && grade.length <= 20 ? grade : undefined,
    page,
  };
}

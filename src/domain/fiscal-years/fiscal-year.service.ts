/** The fiscal-year reads the web and API layers use: a year's id, and the years stored for a city. */
export { findFiscalYearId, listFiscalYears } from './fiscal-year.repo.ts';

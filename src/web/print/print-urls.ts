export { attachmentDisposition } from '../../domain/vocabulary/file-names.ts';

import { urls } from '../../views/view-models.ts';

/** URLs of the print views and PDFs, in one place so routes, toolbars and messages agree. */
export const printUrls = {
  department: (code: string, departmentId: number, planYear: number) =>
    `${urls.ichiranhyo(code, departmentId, planYear)}/print`,
  departmentPdf: (code: string, departmentId: number, planYear: number) =>
    `${urls.ichiranhyo(code, departmentId, planYear)}.pdf`,
  city: (code: string, planYear: number) => `${urls.municipality(code)}/print/${planYear}`,
  cityPdf: (code: string, planYear: number) => `${urls.municipality(code)}/print/${planYear}.pdf`,
};

import { urls } from '../view-models.ts';

/** URLs of the print views and PDFs, in one place so routes, toolbars and messages agree. */
export const printUrls = {
  department: (code: string, departmentId: number, planYear: number) =>
    `${urls.ichiranhyo(code, departmentId, planYear)}/print`,
  departmentPdf: (code: string, departmentId: number, planYear: number) =>
    `${urls.ichiranhyo(code, departmentId, planYear)}.pdf`,
  city: (code: string, planYear: number) => `${urls.municipality(code)}/print/${planYear}`,
  cityPdf: (code: string, planYear: number) => `${urls.municipality(code)}/print/${planYear}.pdf`,
};

/** RFC 6266 with an ASCII fallback: browsers save the Japanese name, old clients the plain one. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

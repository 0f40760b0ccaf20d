/**
 * Content-Disposition for every download (RFC 6266): an ASCII fallback for old clients and the Japanese name
 * as an RFC 8187 UTF-8 value. encodeURIComponent leaves '()* unescaped, which attr-char forbids.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

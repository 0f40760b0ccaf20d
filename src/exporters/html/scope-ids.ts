/**
 * The table component gives its header cells fixed ids (th-no, th-row-1, …) that `headers`
 * attributes refer to. A whole-city document holds many tables, so each section's ids get a
 * prefix; otherwise every `headers` reference would resolve to the first table.
 *
 * Safe on hono/jsx output only: it escapes `"` in text and attribute values, so `name="` can
 * only be the start of a real attribute, never part of a department's data.
 */
const ID_ATTRIBUTES = /(?<=\s)(id|headers|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/g;
const FRAGMENT_LINK = /(?<=\s)href="#([^"]*)"/g;

export function scopeIds(html: string, prefix: string): string {
  return html
    .replace(ID_ATTRIBUTES, (_match, name: string, value: string) => {
      const tokens = value.split(/\s+/).filter((token) => token.length > 0);
      return `${name}="${tokens.map((token) => `${prefix}${token}`).join(' ')}"`;
    })
    .replace(FRAGMENT_LINK, (_match, id: string) => `href="#${prefix}${id}"`);
}

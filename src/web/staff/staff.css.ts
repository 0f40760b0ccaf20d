import { readFileSync } from 'node:fs';

/** Read once at start-up: a few hundred bytes of CSS for the staff pages. */
export const staffCss = readFileSync(new URL('./staff.css', import.meta.url), 'utf8');

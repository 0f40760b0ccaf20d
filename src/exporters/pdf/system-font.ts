import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The form's font (base.css puts it first), as fontconfig names it. */
export const FORM_FONT_FAMILY = 'BIZ UDPGothic';

/** fontconfig's weights for the two the pages use (font-weight 400 and 700). */
const REGULAR = 80;
const BOLD = 200;

let installed: Promise<boolean> | undefined;

/**
 * Whether the form font is installed on this machine in both weights (Debian:
 * fonts-morisawa-bizud-gothic), as Chromium finds it through fontconfig. Then the PDF is set in the
 * installed font, read once by Chromium, instead of the same family's web font subsets (@fontsource,
 * some 60 files decoded in every render). Asked once per process; no fontconfig means no.
 */
export function formFontInstalled(): Promise<boolean> {
  installed ??= run('fc-list', ['--format', '%{weight}\n', FORM_FONT_FAMILY], { timeout: 10_000 }).then(
    ({ stdout }) => {
      const weights = new Set(stdout.split('\n').map((line) => Number.parseInt(line, 10)));
      return weights.has(REGULAR) && weights.has(BOLD);
    },
    () => false,
  );
  return installed;
}

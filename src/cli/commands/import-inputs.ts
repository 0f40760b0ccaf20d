import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** The kinds of file a folder import reads; anything else in a folder is listed as skipped. */
export const SUPPORTED_EXTENSIONS = ['.pdf', '.txt', '.json', '.xlsx'] as const;

export interface ExpandedInputs {
  /** Files to read, in a stable order (each folder sorted by name). */
  files: string[];
  /** Files inside folders that are not read, and why (shown to the operator, never silently dropped). */
  skipped: { file: string; reason: string }[];
  /** A folder was named: the batch form (summary table, per-file errors) is used. */
  folder: boolean;
}

/**
 * Turns the command's arguments into the files to read. A file named explicitly is always read
 * (its content decides the format, as before); a folder is walked recursively and only files with
 * a supported extension are taken, so a README or a scan's thumbnail beside the PDFs is skipped.
 */
export async function expandInputs(args: string[]): Promise<ExpandedInputs> {
  const out: ExpandedInputs = { files: [], skipped: [], folder: false };
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) {
      out.folder = true;
      await walk(arg, out);
    } else {
      // Missing files are reported by the reader, with the file name, like any unreadable file.
      out.files.push(arg);
    }
  }
  return out;
}

async function walk(dir: string, out: ExpandedInputs): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.name.startsWith('.')) out.skipped.push({ file: path, reason: 'hidden file' });
    else if (!entry.isFile()) out.skipped.push({ file: path, reason: 'not a regular file' });
    else if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) {
      out.files.push(path);
    } else {
      out.skipped.push({
        file: path,
        reason: `unsupported extension (reads ${SUPPORTED_EXTENSIONS.join(', ')})`,
      });
    }
  }
}

/**
 * A legacy .xls becomes an .xlsx through LibreOffice when its `soffice` is on PATH (looked up each
 * time: it may be installed after the server started). The work happens in a private temp directory
 * that is always removed; a conversion that hangs is killed after the timeout.
 */
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { AppError } from '../../errors.ts';

export const XLS_CONVERSION_MESSAGE = 'the .xls workbook could not be converted to .xlsx';

export async function findSoffice(path = process.env.PATH ?? ''): Promise<string | undefined> {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'soffice');
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export async function convertXls(
  soffice: string,
  bytes: Uint8Array,
  timeoutMs = 60_000,
): Promise<Uint8Array> {
  try {
    return await sofficeConvert(soffice, bytes, 'xls', 'xlsx', timeoutMs);
  } catch (error) {
    throw new AppError(
      'NOT_A_DOCUMENT',
      `${XLS_CONVERSION_MESSAGE}: open it in Excel, save it as .xlsx and import that file`,
      {},
      { cause: error },
    );
  }
}

/** One file through `soffice --convert-to`, in a temp directory removed afterwards. */
export async function sofficeConvert(
  soffice: string,
  bytes: Uint8Array,
  from: string,
  to: string,
  timeoutMs = 60_000,
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-soffice-'));
  try {
    const input = join(dir, `input.${from}`);
    await writeFile(input, bytes);
    // A profile of its own: a LibreOffice the user has open would otherwise take the job over.
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [profile, '--headless', '--convert-to', to, '--outdir', dir, input],
        { timeout: timeoutMs, killSignal: 'SIGKILL' },
        (error) => (error ? reject(error) : resolve()),
      );
    });
    return new Uint8Array(await readFile(join(dir, `input.${to}`)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { existsSync } from 'node:fs';
import { AppError } from '../../errors.ts';
import { CHROMIUM_PATH } from './browser.ts';

export const CHROMIUM_INSTALL_COMMAND =
  'apt-get install -y chromium fonts-noto-cjk fonts-morisawa-bizud-gothic';

/** Whether this machine can make PDFs (the system Chromium is installed). */
export function pdfAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function chromiumMissingError(): AppError {
  return new AppError(
    'CONFIG_ERROR',
    `PDF の作成には Chromium が必要です: ${CHROMIUM_INSTALL_COMMAND}（HTML の印刷用表示は /m/…/print で使えます）`,
  );
}

export function isChromiumMissing(error: unknown): boolean {
  return error instanceof AppError && error.code === 'CONFIG_ERROR' && error.message.includes('Chromium');
}

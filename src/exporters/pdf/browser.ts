import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Dates in inputs and the like as a Japanese user's browser shows them.
  '--lang=ja-JP',
];

/** The system Chromium (playwright-core downloads no browser). Used for previews, PDF export and e2e. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it and the Japanese fonts with:\n` +
        '  apt-get install -y chromium fonts-noto-cjk fonts-morisawa-bizud-gothic',
    );
  }
  // Imported here, not at the top: the server loads it only when a PDF is first asked for (~80 MB).
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

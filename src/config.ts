import { type DbTarget, parseDatabaseUrl } from './db/database.ts';
import { AppError } from './errors.ts';

export interface Config {
  database: DbTarget;
  port: number;
  logLevel: string;
  /** Load the demo municipality when the database is empty (on by default; MOKUHYO_DEMO=0 turns it off). */
  demoOnEmpty: boolean;
}

/**
 * What the web layer needs from the environment. Apart from Config (which needs a database and a
 * port): the middleware reads it where it runs, so tests and every server see the same rules.
 */
export interface WebConfig {
  /** TRUST_PROXY=1: believe X-Forwarded-For / X-Forwarded-Proto (only behind our own reverse proxy). */
  trustProxy: boolean;
  /** Largest request body on any route (MOKUHYO_BODY_LIMIT, bytes; 1 MiB by default). */
  bodyLimitBytes: number;
  /** Largest upload of a 一覧表 file (MOKUHYO_UPLOAD_LIMIT, bytes; 20 MiB by default). */
  uploadLimitBytes: number;
  /** Memory for rendered public pages (MOKUHYO_PAGE_CACHE_BYTES; 64 MiB by default, 0 turns the cache off). */
  pageCacheBytes: number;
  /** PDFs rendered at once (MOKUHYO_PDF_CONCURRENCY, 2) and waiting beyond those (MOKUHYO_PDF_QUEUE, 16). */
  pdfConcurrency: number;
  pdfQueue: number;
}

export function loadWebConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  return {
    trustProxy: env.TRUST_PROXY === '1',
    bodyLimitBytes: bytesOf(env, 'MOKUHYO_BODY_LIMIT', 1024 * 1024),
    uploadLimitBytes: bytesOf(env, 'MOKUHYO_UPLOAD_LIMIT', 20 * 1024 * 1024),
    pageCacheBytes:
      env.MOKUHYO_PAGE_CACHE_BYTES === '0' ? 0 : bytesOf(env, 'MOKUHYO_PAGE_CACHE_BYTES', 64 * 1024 * 1024),
    pdfConcurrency: bytesOf(env, 'MOKUHYO_PDF_CONCURRENCY', 2),
    pdfQueue: env.MOKUHYO_PDF_QUEUE === '0' ? 0 : bytesOf(env, 'MOKUHYO_PDF_QUEUE', 16),
  };
}

/** A positive whole number from the environment (bytes, or a count). */
function bytesOf(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new AppError('CONFIG_ERROR', `${name} must be a positive whole number, not "${raw}"`, {
      field: name,
    });
  }
  return n;
}

/** E-mail for reminders: SMTP_URL turns it on, MAIL_FROM names the sender, MOKUHYO_BASE_URL is the links' origin. */
export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  baseUrl: string | undefined;
}

export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  return {
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    from: env.MAIL_FROM?.trim() || 'mokuhyo@localhost',
    baseUrl: env.MOKUHYO_BASE_URL?.trim() || undefined,
  };
}

/**
 * MOKUHYO_OCR=off (or 0): never read scans with OCR, even when tesseract is installed; a scan is
 * then refused as before. On by default (it only acts when tesseract with Japanese is installed).
 */
export function ocrEnabledFrom(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.MOKUHYO_OCR?.trim().toLowerCase();
  return raw !== 'off' && raw !== '0' && raw !== 'false';
}

/**
 * MOKUHYO_PDF_BROWSER: when `serve` starts Chromium for PDFs. `first-use` (the default) launches it
 * for the first PDF and keeps it; `start` launches it with the server, so that even the first PDF
 * renders in well under a second, at the price of about 40 MB more in the server process (the
 * browser driver) and Chromium's own memory from the start.
 */
export function pdfBrowserAtStartFrom(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.MOKUHYO_PDF_BROWSER?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'first-use') return false;
  if (raw === 'start') return true;
  throw new AppError('CONFIG_ERROR', `MOKUHYO_PDF_BROWSER must be start or first-use, not "${raw}"`, {
    field: 'MOKUHYO_PDF_BROWSER',
  });
}

/**
 * MOKUHYO_SHUTDOWN_GRACE_MS: how long `serve` lets requests in flight finish after SIGTERM before
 * cutting them (10 s by default; 0–300000). Keep it below the supervisor's own stop timeout
 * (systemd TimeoutStopSec, 90 s by default; Kubernetes terminationGracePeriodSeconds, 30 s).
 */
export function shutdownGraceMsFrom(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MOKUHYO_SHUTDOWN_GRACE_MS?.trim();
  if (raw === undefined || raw === '') return 10_000;
  const ms = Number(raw);
  if (!/^\d+$/.test(raw) || ms > 300_000) {
    throw new AppError(
      'CONFIG_ERROR',
      `MOKUHYO_SHUTDOWN_GRACE_MS must be milliseconds from 0 to 300000, not "${raw}"`,
      { field: 'MOKUHYO_SHUTDOWN_GRACE_MS' },
    );
  }
  return ms;
}

/** How hard new passwords are hashed: argon2id at OWASP's baseline, or at its cheapest for tests. */
export type PasswordHashCost = 'standard' | 'test';

/**
 * MOKUHYO_TEST_PASSWORD_HASH=fast: the tests (scripts/run-tests.mjs sets it) make many
 * accounts and sign them in: a hash and a verification of 6–40 ms each at the standard cost. The
 * variable is honoured only under node's test runner (which sets NODE_TEST_CONTEXT in every test
 * process and so in what they start); anywhere else it is a configuration error, so that no server
 * can be started hashing weakly. Hashes carry their own parameters, so either kind verifies anywhere.
 */
export function passwordHashCostFrom(env: NodeJS.ProcessEnv = process.env): PasswordHashCost {
  const raw = env.MOKUHYO_TEST_PASSWORD_HASH?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'standard';
  if (raw === 'fast' && env.NODE_TEST_CONTEXT) return 'test';
  throw new AppError(
    'CONFIG_ERROR',
    `MOKUHYO_TEST_PASSWORD_HASH is for the test runner only (got "${raw}" outside it, or not "fast")`,
    { field: 'MOKUHYO_TEST_PASSWORD_HASH' },
  );
}

/** LOG_LEVEL (pino's levels; info by default). Read here so that every variable has one reader. */
export function logLevelFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOG_LEVEL ?? 'info';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG_ERROR', `PORT must be a port number, not "${env.PORT}"`, { field: 'PORT' });
  }
  return {
    database: parseDatabaseUrl(env.DATABASE_URL),
    port,
    logLevel: logLevelFrom(env),
    demoOnEmpty: env.MOKUHYO_DEMO !== '0',
  };
}

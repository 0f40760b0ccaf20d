import type { Command } from 'commander';
import { loadConfig, pdfBrowserAtStartFrom, shutdownGraceMsFrom } from '../../config.ts';
import { keepPrintBrowserWarm } from '../../exporters/pdf/print-page.ts';
import { logger } from '../../logger.ts';
import { startServer } from '../../server.ts';

/** Past the grace for requests in flight, closing the pool must not keep the process forever. */
const HARD_EXIT_AFTER_GRACE_MS = 5_000;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web application (PORT, default 3000; DATABASE_URL)')
    .option('--port <port>', 'port to listen on (overrides PORT)')
    .option('--host <host>', 'interface to listen on, e.g. 127.0.0.1 behind a proxy (default: all)')
    .action(async (options: { port?: string; host?: string }) => {
      const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
      const pdfBrowserAtStart = pdfBrowserAtStartFrom();
      const graceMs = shutdownGraceMsFrom();
      const hardExitMs = graceMs + HARD_EXIT_AFTER_GRACE_MS;
      const server = await startServer(config, { hostname: options.host, graceMs });
      if (pdfBrowserAtStart) keepPrintBrowserWarm();
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'stopping');
        setTimeout(() => {
          logger.error({ afterMs: hardExitMs }, 'shutdown did not finish: exiting anyway');
          process.exit(1);
        }, hardExitMs).unref();
        server.close().then(
          () => {
            logger.info('stopped');
            process.exit(0);
          },
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}

import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../server.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web application (PORT, default 3000; DATABASE_URL)')
    .option('--port <port>', 'port to listen on (overrides PORT)')
    .action(async (options: { port?: string }) => {
      const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
      const server = await startServer(config);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

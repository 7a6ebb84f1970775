import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { bootstrap, type BootReport } from './bootstrap.js';
import { loadConfig, type Config } from './config.js';
import type { Services } from './services.js';

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  adminPassword?: string;
  webDir?: string;
  /** Load the demo city and the Liaoyang plan when the database is empty. */
  loadDemo?: boolean;
  /** Called with the boot report before listening (the CLI prints the admin password from it). */
  onBoot?: (r: BootReport) => void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  services: Services;
  config: Config;
  close: () => Promise<void>;
}

/** Boots and listens. Used by `zengshou serve|start`, the e2e tests and the benchmarks. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const base = loadConfig(process.env, opts.dataDir ? { dataDir: opts.dataDir } : {});
  const config: Config = {
    ...base,
    ...(opts.port !== undefined && { port: opts.port }),
    ...(opts.host && { host: opts.host }),
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : opts.dataDir && !process.env.DATABASE_URL ? { databaseUrl: `${base.dataDir}/zengshou.sqlite` } : {}),
    ...(opts.adminPassword && { adminPassword: opts.adminPassword }),
    ...(opts.webDir && { webDir: opts.webDir }),
  };
  const { services, report } = await bootstrap(config);
  opts.onBoot?.(report);
  if (opts.loadDemo) {
    const { loadDemoIfEmpty } = await import('./demo-data.js');
    await loadDemoIfEmpty(services);
  }
  const app = await buildApp(services, config);
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  return {
    url: `http://localhost:${port}`,
    app,
    services,
    config,
    close: async () => {
      await app.close();
      await services.handle.close();
    },
  };
}

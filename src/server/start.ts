import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { bootstrap, type BootReport } from './bootstrap.js';
import { loadConfig, type Config } from './config.js';
import type { DemoReport } from './demo-data.js';
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
  /** progress lines while the demo loads */
  onDemoStep?: (message: string) => void;
  /** Called with the boot report before listening (the CLI prints the admin password from it). */
  onBoot?: (r: BootReport) => void;
  /** Called after the demo was loaded (the CLI prints the demo accounts). */
  onDemo?: (r: DemoReport) => void;
  /** Date the demo history runs up to (default today). */
  demoToday?: string;
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
    const demo = await loadDemoIfEmpty(services, { dataDir: config.dataDir, today: opts.demoToday, onStep: opts.onDemoStep });
    if (demo.loaded) opts.onDemo?.(demo);
  }
  const app = await buildApp(services, config);
  // Reminders (deadlines, due reports, overdue escalation): at start and every hour.
  const scan = () => services.supervision.scanReminders().catch((e) => app.log.error(e));
  void scan();
  const timer = setInterval(scan, 3_600_000);
  timer.unref();
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  return {
    url: `http://localhost:${port}`,
    app,
    services,
    config,
    close: async () => {
      clearInterval(timer);
      await app.close();
      await services.handle.close();
    },
  };
}

import { resolve } from 'node:path';

/** Everything the server reads from the environment, in one place. */
export interface Config {
  port: number;
  host: string;
  /** Where the embedded database, key file and uploads live. */
  dataDir: string;
  /** postgres://… to use PostgreSQL; otherwise the SQLite file under dataDir. */
  databaseUrl: string;
  /** Password for the first administrator; random and printed once when unset. */
  adminPassword?: string;
  /** Built web app; the server serves it when present. */
  webDir: string;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Maximum JSON body size in bytes. */
  bodyLimit: number;
  logLevel: string;
  /** Login attempts per client address per minute (besides the per-account lockout). */
  loginRateLimit: number;
  /** Requests per client address per minute on the whole API; 0 turns the limit off. */
  rateLimit: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? env.ZENGSHOU_DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL ?? resolve(dataDir, 'zengshou.sqlite'),
    adminPassword: env.ZENGSHOU_ADMIN_PASSWORD || undefined,
    webDir: resolve(env.ZENGSHOU_WEB_DIR ?? 'dist/web'),
    secureCookies: env.ZENGSHOU_SECURE_COOKIES === '1',
    bodyLimit: Number(env.ZENGSHOU_BODY_LIMIT ?? 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? 'warn',
    loginRateLimit: Number(env.ZENGSHOU_LOGIN_RATE_LIMIT ?? 20),
    rateLimit: Number(env.ZENGSHOU_RATE_LIMIT ?? 1200),
    ...overrides,
  };
}

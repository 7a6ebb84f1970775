import { connect, type DbHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service.js';
import { DEPARTMENTS } from '../modules/workplan/departments.js';
import type { Config } from './config.js';
import { createServices, keyringFor, type Services } from './services.js';

export interface BootReport {
  migrations: string[];
  /** Set when this start created the administrator with a generated password (print it once). */
  generatedAdminPassword?: string;
  adminCreated: boolean;
}

/** Opens the database, migrates it, seeds reference data and makes sure an administrator exists. */
export async function bootstrap(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'adminPassword'>): Promise<{ services: Services; report: BootReport }> {
  const handle: DbHandle = await connect({ url: config.databaseUrl });
  try {
    const { applied } = await migrateToLatest(handle.db);
    const services = createServices(handle, keyringFor(config.dataDir), config.dataDir);
    await services.regions.seedLiaoyang();
    await services.departments.seed(DEPARTMENTS);
    const report: BootReport = { migrations: applied, adminCreated: false };
    if ((await services.auth.repo.countUsers()) === 0) {
      const { initialPassword } = await services.users.create(
        { username: 'admin', displayName: '系统管理员', regionCode: '211000', roles: ['sysadmin', 'secadmin'], password: config.adminPassword },
        SYSTEM_ACTOR,
        null,
      );
      report.adminCreated = true;
      if (initialPassword) report.generatedAdminPassword = initialPassword;
    }
    return { services, report };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

import { bootstrap } from '../server/bootstrap.js';
import { loadConfig } from '../server/config.js';
import type { Services } from '../server/services.js';

/** Opens the configured database (migrated and seeded) for a command, and always closes it. */
export async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const { services, report } = await bootstrap(loadConfig());
  if (report.generatedAdminPassword) {
    console.log(`已创建管理员账号 admin，初始密码（只显示这一次）: ${report.generatedAdminPassword}`);
  }
  try {
    return await fn(services);
  } finally {
    await services.handle.close();
  }
}

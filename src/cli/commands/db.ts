import type { Command } from 'commander';
import { action } from '../exit.js';

export function register(program: Command) {
  const db = program.command('db').description('数据库 (database)');
  db.command('migrate')
    .description('创建或升级数据库结构并写入基础数据 (migrate and seed reference data)')
    .action(
      action(async () => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const regions = await s.regions.repo.count();
          console.log(`数据库已是最新 (${s.handle.dialect})；行政区划 ${regions} 个，单位 ${(await s.departments.list()).length} 个`);
        });
      }),
    );
}

import type { Command } from 'commander';
import { ROLES, type Role } from '../../shared/roles.js';
import { CliError, action } from '../exit.js';

interface AddOpts { name: string; region: string; role: string[]; department?: string; password?: string }

export function register(program: Command) {
  const user = program.command('user').description('用户账号 (user accounts)');
  user
    .command('add <username>')
    .description('新建用户；未给密码时生成随机密码并显示一次 (create a user)')
    .requiredOption('-n, --name <displayName>', '姓名')
    .requiredOption('-r, --region <code>', '管辖区划代码，如 211000 (全市) 或 211002 (白塔区)')
    .requiredOption('--role <role...>', `角色: ${ROLES.join(', ')}`)
    .option('-d, --department <code>', '所属单位代码 (see `zengshou user departments`)')
    .option('--password <password>', '初始密码（不建议在命令行传入；省略则随机生成）')
    .action(
      action(async (username: string, o: AddOpts) => {
        const bad = o.role.filter((r) => !(ROLES as readonly string[]).includes(r));
        if (bad.length) throw new CliError(`未知角色: ${bad.join(', ')}；可选: ${ROLES.join(', ')}`);
        const { withServices } = await import('../context.js');
        const { AppError } = await import('../../modules/app-error.js');
        await withServices(async (s) => {
          let departmentId: number | null = null;
          if (o.department) {
            const d = await s.departments.repo.byCode(o.department);
            if (!d) throw new CliError(`单位代码不存在: ${o.department}`);
            departmentId = d.id;
          }
          try {
            const { initialPassword } = await s.users.create(
              { username, displayName: o.name, regionCode: o.region, roles: o.role as Role[], departmentId, password: o.password },
              { userId: null, username: 'cli', ip: null },
              null,
            );
            console.log(`已创建用户 ${username}`);
            if (initialPassword) console.log(`初始密码（只显示这一次）: ${initialPassword}`);
          } catch (e) {
            if (e instanceof AppError) throw new CliError(`${e.message} (${e.code})`);
            throw e;
          }
        });
      }),
    );
  user
    .command('list')
    .description('列出用户 (list users)')
    .action(
      action(async () => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const rows = await s.users.list('211000');
          console.table(rows.map((u) => ({ 用户名: u.username, 姓名: u.displayName, 角色: u.roles.join(','), 区划: u.regionName, 单位: u.departmentName ?? '', 停用: u.disabled, 锁定: u.locked })));
        });
      }),
    );
  user
    .command('departments')
    .description('列出单位代码 (list department codes)')
    .action(
      action(async () => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          console.table((await s.departments.list()).map((d) => ({ 代码: d.code, 名称: d.name, 类型: d.kind })));
        });
      }),
    );
}

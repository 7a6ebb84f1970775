import type { Command } from 'commander';
import { CliError, action } from '../exit.js';
import { planCommand } from './plan.js';

interface ImportOpts { start: string; end: string; period: 'month' | 'quarter' | 'half' }

/** `zengshou plan import|list|remind`: supervision from the command line (calls services, never SQL). */
export function register(program: Command) {
  const plan = planCommand(program);
  plan
    .command('import <file>')
    .description('导入工作方案（.txt/.docx），生成任务分工；同一文件重复导入不会重复生成 (import a plan for supervision)')
    .requiredOption('--start <date>', '督办起始日期 YYYY-MM-DD')
    .requiredOption('--end <date>', '督办截止日期（默认完成时限）YYYY-MM-DD')
    .option('--period <type>', '报告周期: month | quarter | half', 'month')
    .action(
      action(async (file: string, o: ImportOpts) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(o.start) || !/^\d{4}-\d{2}-\d{2}$/.test(o.end) || o.start >= o.end) {
          throw new CliError('日期须为 YYYY-MM-DD，且起始早于截止');
        }
        if (!['month', 'quarter', 'half'].includes(o.period)) throw new CliError('--period 只能是 month、quarter 或 half');
        const { readFile } = await import('node:fs/promises');
        const bytes = await readFile(file).catch(() => {
          throw new CliError(`无法读取文件: ${file}`);
        });
        const { withServices } = await import('../context.js');
        const { AppError } = await import('../../modules/app-error.js');
        await withServices(async (s) => {
          try {
            const { planId, duplicate } = await s.plans.importBytes(bytes, file, { startDate: o.start, endDate: o.end, periodType: o.period }, { userId: null, username: 'cli', ip: null });
            const tasks = await s.plans.repo.tasks(planId);
            console.log(duplicate ? `该方案已导入过（方案 ${planId}），未重复导入` : `已导入方案 ${planId}：${tasks.length} 项任务`);
          } catch (e) {
            if (e instanceof AppError) throw new CliError(`${e.message} (${e.code})`);
            throw e;
          }
        });
      }),
    );
  plan
    .command('list')
    .description('列出已导入的方案及红黄绿任务数 (list plans with status counts)')
    .action(
      action(async () => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const plans = await s.plans.plans({ roles: ['supervisor'], regionCode: '211000', departmentId: null });
          console.table(plans.map((p) => ({ 编号: p.id, 方案: p.title, 文号: p.docNumber ?? '', 任务: p.taskCount, 红: p.counts.red, 黄: p.counts.yellow, 绿: p.counts.green, 办结: p.counts.done, 督办期: `${p.startDate}~${p.endDate}` })));
        });
      }),
    );
  plan
    .command('remind')
    .description('检查到期、应报和逾期任务并生成提醒（服务运行时每小时自动执行）(create due reminders now)')
    .action(
      action(async () => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => console.log(`新增提醒 ${await s.supervision.scanReminders()} 条`));
      }),
    );
}

import type { Command } from 'commander';
import { CliError, action } from '../exit.js';

/** `demo` is created by whichever command file loads first (demo.ts creates it too). */
function demoCommand(program: Command): Command {
  return program.commands.find((c) => c.name() === 'demo') ?? program.command('demo').description('合成演示城市 (synthetic demo city of Liaoyang)');
}

const TASK_LABELS: Record<string, string> = {
  generate: '生成演示城市 generate',
  population: '人口库 population',
  tax: '个税扣缴 tax',
  social_insurance: '社保缴费 social insurance',
  civil_affairs: '低保花名册 dibao roster',
  real_estate: '不动产登记 real estate',
  linkage: '概率匹配 linkage',
  tables: '统计表数据 tables',
};

export function register(program: Command) {
  demoCommand(program)
    .command('load')
    .description('把合成演示城市载入服务器所用的数据库（个人收入和财产信息系统），显示进度；同一城市重复载入不增加数据 (load the demo city into the registry)')
    .option('--scale <s>', '人口比例，1 = 1,604,580 人 (share of the 2020 population)', '0.05')
    .option('--seed <n>', '随机种子 (seed)', '2018')
    .option('--year <y>', '渠道数据年份 (year of the channel data, 2010–2024)', '2023')
    .action(
      action(async (o: { scale: string; seed: string; year: string }) => {
        const scale = Number(o.scale);
        const seed = Number(o.seed);
        const year = Number(o.year);
        if (!(scale > 0 && scale <= 1)) throw new CliError(`--scale 必须在 (0, 1] 之间, got "${o.scale}"`);
        if (!Number.isInteger(seed)) throw new CliError(`--seed 必须是整数, got "${o.seed}"`);
        if (!Number.isInteger(year) || year < 2010 || year > 2024) throw new CliError(`--year 必须在 2010–2024 之间, got "${o.year}"`);
        const cliProgress = (await import('cli-progress')).default;
        const { withServices } = await import('../context.js');
        const { loadDemoRegistry } = await import('../../modules/registry/demo-load.js');
        const { AppError } = await import('../../modules/app-error.js');
        await withServices(async (s) => {
          const bars = new cliProgress.MultiBar(
            { format: '{task} |{bar}| {percentage}% {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: false, noTTYOutput: true, notTTYSchedule: 5000 },
            cliProgress.Presets.shades_classic,
          );
          const made = new Map<string, ReturnType<typeof bars.create>>();
          let report;
          try {
            report = await loadDemoRegistry(s, {
              scale, seed, year, actor: { userId: null, username: 'cli', ip: null },
              onProgress: (task, done, total) => {
                let bar = made.get(task);
                const label = (TASK_LABELS[task] ?? task).padEnd(30);
                if (!bar) {
                  bar = bars.create(total, 0, { task: label });
                  made.set(task, bar);
                }
                bar.setTotal(total);
                bar.update(done, { task: label });
              },
            });
          } catch (e) {
            if (e instanceof AppError) throw new CliError(`${e.message} (${e.code})`);
            throw e;
          } finally {
            bars.stop();
          }
          const q = report.quality;
          console.log(`演示城市已载入（种子 ${report.seed}，比例 ${report.scale}，${report.year} 年）：${report.persons} 人，用时 ${report.seconds.toFixed(1)} 秒`);
          for (const [code, r] of Object.entries(report.imports)) {
            console.log(`  ${(TASK_LABELS[code] ?? code).padEnd(28)} ${r.duplicate ? '已载入过' : `读取 ${r.rowsRead} 行，接收 ${r.rowsOk}，拒收 ${r.rowsRejected}，新增记录 ${r.recordsAdded}，新增人员 ${r.personsAdded}`}`);
          }
          console.log(`  概率匹配：自动合并 ${report.linkage.autoMerged}，待人工确认 ${report.linkage.review}；无身份证号记录 ${q.rows} 条，精确率 ${(q.precision * 100).toFixed(1)}%，召回率 ${(q.recall * 100).toFixed(1)}%`);
        });
      }),
    );
}

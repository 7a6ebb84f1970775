import type { Command } from 'commander';
import { CliError, action } from '../exit.js';

interface GenerateOptions {
  scale: string;
  out: string;
  seed: string;
  year: string;
  canonical: boolean;
  channels: boolean;
}

function parseOptions(o: GenerateOptions) {
  const scale = Number(o.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) throw new CliError(`--scale 必须在 (0, 1] 之间 (scale must be in (0, 1]), got "${o.scale}"`);
  const seed = Number(o.seed);
  if (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31 - 1) throw new CliError(`--seed 必须是 32 位整数 (seed must be a 32-bit integer), got "${o.seed}"`);
  const year = Number(o.year);
  if (!Number.isInteger(year) || year < 2010 || year > 2024) throw new CliError(`--year 必须在 2010–2024 之间 (year must be 2010–2024), got "${o.year}"`);
  if (!o.out) throw new CliError('--out 目录必填 (--out DIR is required)');
  return { scale, seed, year, out: o.out };
}

/** `demo` may also be extended by other command files (e.g. `demo load`): find or create it. */
function demoCommand(program: Command): Command {
  return program.commands.find((c) => c.name() === 'demo') ?? program.command('demo').description('合成演示城市 (synthetic demo city of Liaoyang)');
}

export function register(program: Command) {
  demoCommand(program)
    .command('generate')
    .description('生成合成演示城市及各部门数据文件 (generate the synthetic city, canonical files and agency channel files)')
    .option('--scale <s>', '人口比例，1 = 1,604,580 人 (share of the 2020 population)', '0.05')
    .requiredOption('--out <dir>', '输出目录 (output directory)')
    .option('--seed <n>', '随机种子 (seed)', '2018')
    .option('--year <y>', '月度及渠道文件年份 (year of the monthly and channel files, 2010–2024)', '2023')
    .option('--no-canonical', '不写规范数据 (skip canonical/)')
    .option('--no-channels', '不写渠道文件 (skip channels/ and truth/)')
    .action(
      action(async (raw: GenerateOptions) => {
        const opts = parseOptions(raw);
        const { resolve } = await import('node:path');
        const cliProgress = (await import('cli-progress')).default;
        const { generateCity } = await import('../../modules/demo/index.js');
        const { writeDemo } = await import('../../modules/demo/writers/index.js');
        const out = resolve(opts.out);
        const bars = new cliProgress.MultiBar(
          { format: '{task} |{bar}| {percentage}% {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: false, noTTYOutput: false, notTTYSchedule: 5000 },
          cliProgress.Presets.shades_classic,
        );
        const t0 = Date.now();
        const gen = bars.create(100, 0, { task: '生成 generate'.padEnd(44) });
        const stageWeight: Record<string, [number, number]> = { households: [0, 15], attributes: [15, 15], employers: [30, 5], property: [35, 10], calibration: [45, 55] };
        const city = generateCity({
          seed: opts.seed,
          scale: opts.scale,
          onProgress: (stage, done, total) => {
            const [start, width] = stageWeight[stage];
            gen.update(Math.round(start + (width * done) / Math.max(1, total)), { task: `生成 generate: ${stage}`.padEnd(44) });
          },
        });
        gen.update(100, { task: '生成 generate'.padEnd(44) });
        const fileBars = new Map<string, ReturnType<typeof bars.create>>();
        const manifest = await writeDemo(city, {
          outDir: out,
          year: opts.year,
          parts: { canonical: raw.canonical, channels: raw.channels },
          onProgress: (task, done, total) => {
            let bar = fileBars.get(task);
            if (!bar) {
              bar = bars.create(total, 0, { task: task.padEnd(44) });
              fileBars.set(task, bar);
            }
            bar.setTotal(total);
            bar.update(done, { task: task.padEnd(44) });
          },
        });
        bars.stop();
        const c = manifest.calibration.find((x) => x.year === 2018)!;
        const c23 = manifest.calibration.find((x) => x.year === 2023)!;
        console.log(`合成演示城市已生成 (synthetic city written) → ${out}`);
        console.log(`  常住人口 residents 2020: ${manifest.counts.residents2020}, 户 households: ${manifest.counts.households}, 单位 employers: ${manifest.counts.employers}`);
        console.log(`  人均可支配收入 2018 城镇/农村: ${c.urban} / ${c.rural} (目标 ${c.urbanTarget} / ${c.ruralTarget}); 2023: ${c23.urban} / ${c23.rural}`);
        console.log(`  低保 2018 城市/农村: ${c.dibaoUrban} / ${c.dibaoRural}; 农村贫困人口 2018: ${c.ruralPoor}`);
        console.log(`  ${manifest.files.length} 个文件, manifest.json; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }),
    );
}

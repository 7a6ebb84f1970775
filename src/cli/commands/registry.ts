import type { Command } from 'commander';
import { CliError, action } from '../exit.js';

const CLI_ACTOR = { userId: null, username: 'cli', ip: null };

/**
 * `zengshou registry …`: the income and property registry from the command line — import channel
 * files (with a progress bar), list channels, file impact assessments, run linkage, rotate the key.
 */
export function register(program: Command) {
  const reg = program.command('registry').description('个人收入和财产信息系统 (income and property registry)');

  reg
    .command('import <file>')
    .description('导入渠道文件（CSV 自动识别 UTF-8/GB18030，或 XLSX）；同一文件重复导入不增加数据，中断后数据库不变 (import a channel file)')
    .requiredOption('--channel <code>', '渠道代码，如 tax、social_insurance、civil_affairs、real_estate（见 registry channels）')
    .option('--as-of <date>', '校验所用的“今天” YYYY-MM-DD')
    .option('--no-link', '导入后不进行概率匹配')
    .action(
      action(async (file: string, o: { channel: string; asOf?: string; link: boolean }) => {
        const { fileSource } = await import('../../modules/registry/import/source.js');
        const src = await fileSource(file).catch(() => {
          throw new CliError(`无法读取文件: ${file}`);
        });
        await withRegistry(async (s) => {
          const { progressReporter } = await import('../../modules/registry/progress-bar.js');
          const bar = progressReporter(src.size);
          let report;
          try {
            report = await s.registry.imports.importFile(o.channel, src, CLI_ACTOR, { asOf: o.asOf, onProgress: bar.update });
          } finally {
            bar.stop();
          }
          if (report.duplicate) {
            console.log(`该文件已导入过（批次 ${report.batchId}），未重复导入`);
            return;
          }
          console.log(
            `批次 ${report.batchId}：读取 ${report.rowsRead} 行，接收 ${report.rowsOk}，拒收 ${report.rowsRejected}（见 registry quarantine），` +
              `新增记录 ${report.recordsAdded}，已有记录 ${report.recordsDuplicate}，新增人员 ${report.personsAdded}；编码 ${report.encoding ?? '-'}`,
          );
          if (o.link && report.pendingLinkage > 0) {
            const r = await s.registry.linkage.run(CLI_ACTOR);
            console.log(`概率匹配：比较 ${r.compared} 对，自动合并 ${r.autoMerged}，待人工确认 ${r.review}`);
          }
          const years = await s.registry.tables.prepare();
          if (years.length) console.log(`统计表数据已更新：${years.join('、')} 年`);
        });
      }),
    );

  reg
    .command('channels')
    .description('列出数据渠道及其影响评估状态 (list channels)')
    .action(
      action(async () => {
        await withRegistry(async (s) => {
          const list = await s.registry.channels.list();
          console.table(list.map((c) => ({ 代码: c.code, 名称: c.name, 部门: c.department, 记录类型: c.mapping.record, 敏感: c.sensitive ? '是' : '否', 影响评估有效至: c.pia?.validUntil ?? '（未登记）', 启用: c.active ? '是' : '否' })));
        });
      }),
    );

  reg
    .command('pia <channel>')
    .description('登记个人信息保护影响评估（《个人信息保护法》第五十五条），登记后敏感渠道方可导入 (file an impact assessment)')
    .requiredOption('--purpose <text>', '处理目的')
    .requiredOption('--legal-basis <text>', '合法性基础')
    .requiredOption('--assessor <text>', '评估人/机构')
    .option('--data-items <text>', '处理的个人信息项', '身份证号、姓名、收入、财产')
    .option('--risks <text>', '对个人权益的影响及安全风险', '泄露、滥用')
    .option('--measures <text>', '保护措施', '加密存储、去标识化展示、最小授权、审计')
    .option('--risk-level <level>', 'low | medium | high', 'medium')
    .option('--assessed-on <date>', '评估日期 YYYY-MM-DD', new Date().toISOString().slice(0, 10))
    .option('--valid-until <date>', '有效期至 YYYY-MM-DD（默认三年）')
    .action(
      action(async (channel: string, o: Record<string, string>) => {
        if (!['low', 'medium', 'high'].includes(o.riskLevel)) throw new CliError('--risk-level 只能是 low、medium 或 high');
        const assessedOn = o.assessedOn;
        const validUntil = o.validUntil ?? `${Number(assessedOn.slice(0, 4)) + 3}${assessedOn.slice(4)}`;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(assessedOn) || !/^\d{4}-\d{2}-\d{2}$/.test(validUntil)) throw new CliError('日期须为 YYYY-MM-DD');
        await withRegistry(async (s) => {
          const p = await s.registry.channels.filePia(
            channel,
            { purpose: o.purpose, legalBasis: o.legalBasis, assessor: o.assessor, dataItems: o.dataItems, risks: o.risks, measures: o.measures, riskLevel: o.riskLevel as 'low', assessedOn, validUntil },
            CLI_ACTOR,
          );
          console.log(`已登记渠道 ${channel} 的影响评估（编号 ${p.id}，有效至 ${p.validUntil}）`);
        });
      }),
    );

  reg
    .command('rotate-key')
    .description('密钥轮换：用当前（最新版本）主密钥重新加密登记库中的全部密文；--generate 先在密钥文件中新增一个版本 (re-encrypt under the newest key)')
    .option('--generate', '在密钥文件中新增一个随机主密钥版本（使用 ZENGSHOU_MASTER_KEY 时请自行在环境变量中追加）')
    .action(
      action(async (o: { generate?: boolean }) => {
        if (o.generate) {
          if (process.env.ZENGSHOU_MASTER_KEY) throw new CliError('主密钥来自环境变量 ZENGSHOU_MASTER_KEY：请在其中追加新版本（如 "1:旧密钥,2:新密钥"）后再运行，不要使用 --generate');
          const { loadConfig } = await import('../../server/config.js');
          const { join } = await import('node:path');
          const { appendFileSync, existsSync } = await import('node:fs');
          const { loadKeyring } = await import('../../modules/crypto/master-key.js');
          const { Keyring } = await import('../../modules/crypto/keyring.js');
          const file = join(loadConfig().dataDir, 'keys', 'master.key');
          const existed = existsSync(file);
          const current = loadKeyring(file).currentVersion;
          if (existed) appendFileSync(file, `${current + 1}:${Keyring.generateKey().toString('base64')}\n`, { mode: 0o600 });
          console.log(existed ? `已在 ${file} 中新增主密钥版本 ${current + 1}` : `已创建 ${file}（版本 1）`);
        }
        await withRegistry(async (s) => {
          const cliProgress = (await import('cli-progress')).default;
          const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: '{table} |{bar}| {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
          let table = '';
          const r = await s.registry.rotateKey(s.keyring, CLI_ACTOR, (t, done, total) => {
            if (!bar) return;
            if (t !== table) {
              if (table) bar.stop();
              table = t;
              bar.start(total, 0, { table: t });
            }
            bar.update(done, { table: t });
          });
          bar?.stop();
          console.log(`已用密钥版本 ${r.keyVersion} 重新加密 ${r.values} 个字段（${Object.entries(r.rows).map(([t, n]) => `${t} ${n} 行`).join('，')}）`);
        });
      }),
    );
}

/** Opens the services and turns the registry's user errors into one CLI line. */
async function withRegistry(fn: (s: import('../../server/services.js').Services) => Promise<void>): Promise<void> {
  const { withServices } = await import('../context.js');
  const { AppError } = await import('../../modules/app-error.js');
  await withServices(async (s) => {
    try {
      await fn(s);
    } catch (e) {
      if (e instanceof AppError) throw new CliError(`${e.message} (${e.code})`);
      throw e;
    }
  });
}

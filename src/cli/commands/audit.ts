import type { Command } from 'commander';
import { CliError, action } from '../exit.js';

export function register(program: Command) {
  const audit = program.command('audit').description('审计日志 (audit trail)');
  audit
    .command('verify')
    .description('校验审计日志哈希链是否完整 (verify the hash chain; exit 1 when broken)')
    .action(
      action(async () => {
        const { withServices } = await import('../context.js');
        await withServices(async (s) => {
          const r = await s.audit.verify();
          if (r.ok) console.log(`审计日志完整：${r.count} 条记录，哈希链校验通过`);
          else throw new CliError(`审计日志被篡改：第 ${r.break!.id} 条记录 (${r.break!.reason})，此前 ${r.count} 条完好`, 1);
        });
      }),
    );
}

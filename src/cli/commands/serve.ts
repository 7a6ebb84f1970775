import type { Command } from 'commander';
import { action } from '../exit.js';

async function serve(opts: { port?: string; demo?: boolean; build?: boolean }) {
  if (opts.build) {
    const { ensureWebBuilt } = await import('../web-build.js');
    await ensureWebBuilt();
  }
  const { startServer } = await import('../../server/start.js');
  const s = await startServer({
    ...(opts.port && { port: Number(opts.port) }),
    loadDemo: !!opts.demo,
    onDemoStep: (m) => console.log(m),
    onDemo: (d) => {
      console.log('──────────────────────────────────────────────');
      console.log(`已载入演示数据（合成数据）。演示账号共用密码（只显示这一次）: ${d.password}`);
      console.log(`  ducha 督查室 · lianluo.hrss 市人力资源社会保障局联络员 · baita 白塔区联络员 · fenxi 分析员 · shenji 审计员`);
      console.log(`  全部账号见 ${d.accountsFile}`);
      console.log('──────────────────────────────────────────────');
    },
    onBoot: (r) => {
      if (r.migrations.length) console.log(`数据库已迁移: ${r.migrations.join(', ')}`);
      if (r.generatedAdminPassword) {
        console.log('──────────────────────────────────────────────');
        console.log(`已创建管理员账号 admin，初始密码（只显示这一次，请妥善保存）:\n  ${r.generatedAdminPassword}`);
        console.log('──────────────────────────────────────────────');
      }
    },
  });
  console.log(`Zengshou 增收平台已启动: ${s.url}  (API 文档: ${s.url}/api/docs)`);
  const stop = async () => {
    await s.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function register(program: Command) {
  program
    .command('serve')
    .description('启动平台服务 (start the server; PORT, ZENGSHOU_DATA_DIR, DATABASE_URL from the environment)')
    .option('-p, --port <port>', '端口 (default: $PORT or 3000)')
    .option('--demo', '数据库为空时载入演示数据 (load the demo when the database is empty)')
    .option('--build', '如前端未构建或已过期则先构建 (build the web app first when missing or stale)')
    .action(action(serve));
  program
    .command('start')
    .description('构建前端（如需要）、载入演示数据（如数据库为空）并启动 — what `npm start` runs')
    .option('-p, --port <port>', '端口')
    .action(action((opts: { port?: string }) => serve({ ...opts, demo: true, build: true })));
}

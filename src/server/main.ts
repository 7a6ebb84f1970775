import { startServer } from './start.js';

// `node bin/run-ts.js src/server/main.ts`: the server alone, configured from the environment.
const s = await startServer({
  onBoot: (r) => {
    if (r.generatedAdminPassword) console.log(`管理员账号 admin 的初始密码（只显示这一次）: ${r.generatedAdminPassword}`);
  },
});
console.log(`Zengshou 已启动: ${s.url}`);
const stop = async () => {
  await s.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service.js';
import { generatePassword, hashPassword } from '../modules/auth/password.js';
import { DEMO_SYNTHETIC_KEY } from '../modules/indicators/indicators.service.js';
import { loadDemoPlan } from '../modules/workplan/demo-load.js';
import type { Role } from '../shared/roles.js';
import type { Services } from './services.js';

export interface DemoReport {
  loaded: boolean;
  /** The one password of every demo account (random unless ZENGSHOU_DEMO_PASSWORD is set). */
  password?: string;
  accounts: { username: string; displayName: string; roles: Role[] }[];
  accountsFile?: string;
  /** The synthetic city loaded into the income and property registry (or why it was not). */
  registry?: { persons: number; seconds: number; precision: number; recall: number } | { skipped: string } | { error: string };
  /** The household survey's sample and two years of diaries (or why not). */
  survey?: { sampleId: number; households: number; entries: number; seconds: number } | { skipped: string } | { error: string };
  /** Indicators: published history, cooperative counts and key-group rosters (synthetic), values computed. */
  indicators?: { entries: number; groupMembers: number; values: number; seconds: number } | { skipped: string } | { error: string };
}

/**
 * Loads the default demo into a database that has never had one: demo accounts for each kind of
 * user, and the Liaoyang plan with a supervision history. Runs once (remembered in settings).
 * Later capabilities add their demo data here (the synthetic city, survey sample, …).
 */
export async function loadDemoIfEmpty(
  s: Services,
  opts: { dataDir: string; password?: string; today?: string; registryScale?: number; onStep?: (message: string) => void },
): Promise<DemoReport> {
  if (await s.settings.get('demo.loaded', false)) return { loaded: false, accounts: [] };
  const step = opts.onStep ?? (() => {});
  step('载入演示数据（合成数据，只在数据库为空时进行一次）1/4：演示账号与工作方案督办历史…');
  const password = opts.password ?? process.env.ZENGSHOU_DEMO_PASSWORD ?? generatePassword(16);
  await s.settings.set(DEMO_SYNTHETIC_KEY, true, 'system');
  const depts = await s.departments.list();
  const byCode = new Map(depts.map((d) => [d.code, d]));
  const accounts: DemoReport['accounts'] = [];
  await s.auth.validateNewPassword(password, '');
  // The demo accounts share one password: hash it once (each scrypt hash costs tens of milliseconds).
  const passwordHash = await hashPassword(password);
  const add = async (username: string, displayName: string, roles: Role[], regionCode = '211000', deptCode?: string) => {
    if (await s.auth.repo.userByName(username)) return;
    await s.users.create({ username, displayName, roles, regionCode, password, departmentId: deptCode ? byCode.get(deptCode)?.id ?? null : null }, SYSTEM_ACTOR, null, { passwordHash });
    accounts.push({ username, displayName, roles });
  };
  await add('ducha', '督查室（演示）', ['supervisor']);
  await add('fenxi', '统计分析员（演示）', ['analyst']);
  await add('shenji', '安全审计员（演示）', ['auditor']);
  await add('baita', '白塔区政府联络员（演示）', ['liaison'], '211002', 'gov_baita');
  const liaison = new Map<number, string>();
  for (const d of depts) {
    if (d.kind === 'county_government') continue;
    const username = `lianluo.${d.code.replace(/_/g, '-')}`;
    await add(username, `${d.name}联络员（演示）`, ['liaison'], '211000', d.code);
    liaison.set(d.id, username);
  }
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  await loadDemoPlan(s.plans, { today, supervisor: 'ducha', liaisonFor: (id) => liaison.get(id), actor: SYSTEM_ACTOR });
  await s.supervision.scanReminders(today);
  step('载入演示数据 2/4：合成城市的收入与财产信息（渠道文件经导入、加密、匹配；首次需要几分钟）…');
  const registry = await loadRegistryDemo(s, opts.registryScale, step);
  step('载入演示数据 3/4：住户收支调查样本与记账…');
  const { surveyDemoStep } = await import('../modules/survey/demo/load.js');
  const survey = await surveyDemoStep(s.survey, { password, passwordHash, scale: opts.registryScale, createUser: (u) => add(u.username, u.displayName, u.roles, u.regionCode) });
  if ('accounts' in survey) accounts.push(...survey.accounts);
  step('载入演示数据 4/4：指标历史序列与计算…');
  const indicators = await loadIndicatorsDemo(s, opts.registryScale);
  await s.settings.set('demo.loaded', true, 'system');
  const accountsFile = join(opts.dataDir, 'demo-accounts.txt');
  writeFileSync(
    accountsFile,
    `# Zengshou demo accounts (synthetic; delete this file once noted)\n# password of every demo account: ${password}\n${accounts.map((a) => `${a.username}\t${a.displayName}\t${a.roles.join(',')}`).join('\n')}\n`,
    { mode: 0o600 },
  );
  return { loaded: true, password, accounts, accountsFile, registry, survey, indicators };
}

/**
 * The synthetic city in the income and property registry (scale 0.05 unless ZENGSHOU_DEMO_SCALE
 * says otherwise; 0 skips it; unit tests skip it unless they ask). A failure here does not stop the
 * platform from starting: `npx zengshou demo load` can be run later.
 */
async function loadRegistryDemo(s: Services, requested?: number, step: (message: string) => void = () => {}): Promise<DemoReport['registry']> {
  const scale = requested ?? (process.env.VITEST ? 0 : Number(process.env.ZENGSHOU_DEMO_SCALE ?? 0.05));
  if (!(scale > 0)) return { skipped: 'scale 0' };
  try {
    const { loadDemoRegistry } = await import('../modules/registry/demo-load.js');
    let shown = '';
    const r = await loadDemoRegistry(s, {
      scale,
      actor: SYSTEM_ACTOR,
      // one line per task and tenth of the way (the console of `npm start` is not a terminal bar)
      onProgress: (task, done, total) => {
        const tenth = total > 0 ? Math.floor((10 * done) / total) : 10;
        const key = `${task}:${tenth}`;
        if (key === shown) return;
        shown = key;
        const what = ({ generate: '生成合成城市', population: '写入人口与住户', linkage: '人员匹配', tables: '统计表数据' } as Record<string, string>)[task] ?? `导入渠道文件 ${task}`;
        step(`  ${what} ${tenth * 10}%`);
      },
    });
    return { persons: r.persons, seconds: r.seconds, precision: r.quality.precision, recall: r.quality.recall };
  } catch (e) {
    return { error: (e as Error).message ?? String(e) };
  }
}

/** The indicators' demo data (src/modules/indicators/demo.ts); skipped with the registry demo (scale 0). */
async function loadIndicatorsDemo(s: Services, requested?: number): Promise<DemoReport['indicators']> {
  const scale = requested ?? (process.env.VITEST ? 0 : Number(process.env.ZENGSHOU_DEMO_SCALE ?? 0.05));
  if (!(scale > 0)) return { skipped: 'scale 0' };
  try {
    const { loadIndicatorsDemo: load } = await import('../modules/indicators/demo.js');
    return await load(s, { scale, actor: SYSTEM_ACTOR });
  } catch (e) {
    return { error: (e as Error).message ?? String(e) };
  }
}

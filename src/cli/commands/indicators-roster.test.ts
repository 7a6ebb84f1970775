import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../shared/resident-id.js';

const dataDir = mkdtempSync(join(tmpdir(), 'zengshou-roster-cli-'));
const run = (...args: string[]) => {
  const env: Record<string, string | undefined> = { ...process.env, ZENGSHOU_DATA_DIR: dataDir, ZENGSHOU_ADMIN_PASSWORD: 'Roster-Cli-Start#2026' };
  delete env.VITEST;
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['bin/zengshou.js', 'indicators', 'roster', ...args], { encoding: 'utf8', env, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('zengshou indicators roster', () => {
  it('saves the valid numbers, prints the rejected rows and refuses an unknown group with exit code 2', () => {
    const file = join(dataDir, '技能人才.csv');
    const good = [makeResidentId('211002', '19800101', 11), makeResidentId('211021', '19750615', 22)];
    writeFileSync(file, ['序号,姓名,身份证号', `1,测试甲,${good[0]}`, `2,测试乙,${good[1]}`, '3,测试丙,2110021980'].join('\n'));
    const r = run(file, '--group', 'skilled', '--source', '市人社局');
    expect(r.code, r.err).toBe(0);
    // an empty registry: both valid numbers are unknown to it
    expect(r.out).toContain('技能人才（市人社局）：有效 2 人，新增 2，移除 0，重复 0，未在收入与财产信息系统中 2，错误 1 行');
    expect(r.out).toMatch(/第 4 行\t211002\*{3}0\t身份证号位数或字符不对/);
    const again = JSON.parse(run(file, '--group', 'skilled', '--source', '市人社局', '--json').out);
    expect([again.accepted, again.added]).toEqual([2, 0]);
    const bad = run(file, '--group', 'astronauts', '--source', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--group 可选');
  });
});

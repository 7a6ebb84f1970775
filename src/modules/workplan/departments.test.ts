import { describe, expect, it } from 'vitest';
import expected from './parser/fixtures/seed-expected-units.json' with { type: 'json' };
import { DEPARTMENTS, resolveMeasureUnits, resolveUnit, type DepartmentSeed } from './departments.js';

describe('DEPARTMENTS', () => {
  it('has unique ASCII codes and no name shared by two units', () => {
    const codes = DEPARTMENTS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z][a-z0-9_]{1,40}$/);
    const names = DEPARTMENTS.flatMap((d) => [d.name, ...d.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('holds every unit the seed plan names, under the name the plan writes', () => {
    const named = new Set(expected.measures.flatMap((m) => [...m.lead, ...m.cooperating, ...m.responsible]));
    expect(named.size).toBe(34);
    for (const n of named) {
      const r = resolveUnit(n);
      expect(r.flagged, n).toBe(false);
    }
    // 33 distinct units: 市人力资源和社会保障局 is 市人力资源社会保障局 written out.
    expect(new Set([...named].map((n) => resolveUnit(n).code)).size).toBe(33);
    expect(resolveUnit('市人力资源和社会保障局')).toEqual({ code: 'hrss', canonical: '市人力资源社会保障局', flagged: false, kind: 'department' });
  });

  it('has the seven county governments with their GB/T 2260 codes', () => {
    const counties = DEPARTMENTS.filter((d) => d.kind === 'county_government' && d.code !== 'counties_all');
    expect(counties.map((d) => [d.name, d.regionCode])).toEqual([
      ['白塔区人民政府', '211002'],
      ['文圣区人民政府', '211003'],
      ['宏伟区人民政府', '211004'],
      ['弓长岭区人民政府', '211005'],
      ['太子河区人民政府', '211011'],
      ['辽阳县人民政府', '211021'],
      ['灯塔市人民政府', '211081'],
    ]);
    for (const d of DEPARTMENTS.filter((x) => !counties.includes(x))) expect(d.regionCode, d.name).toBe('211000');
  });

  it('gives each unit the right kind', () => {
    const kind = (n: string) => resolveUnit(n).kind;
    expect(kind('人民银行辽阳市中心支行')).toBe('bank');
    expect(kind('辽阳银监分局')).toBe('regulator');
    expect(kind('市保险行业协会')).toBe('association');
    expect(kind('国家统计局辽阳调查队')).toBe('central_unit');
    expect(kind('市编委办')).toBe('party');
    expect(kind('市总工会')).toBe('mass_org');
    expect(kind('市残联')).toBe('mass_org');
    expect(kind('各县(市)区政府')).toBe('county_government');
    expect(kind('市财政局')).toBe('department');
  });
});

describe('resolveUnit', () => {
  it('ignores bracket width and whitespace, and accepts the city written out', () => {
    expect(resolveUnit('各县（市）区政府').code).toBe('counties_all');
    expect(resolveUnit('各区、县（市）政府').code).toBe('counties_all');
    expect(resolveUnit('各县〔市〕区人民政府').code).toBe('counties_all');
    expect(resolveUnit(' 市 财政局 ').code).toBe('finance');
    expect(resolveUnit('辽阳市财政局').code).toBe('finance');
    expect(resolveUnit('辽阳县政府').code).toBe('gov_liaoyang_county');
    expect(resolveUnit('灯塔市').code).toBe('gov_dengta');
    expect(resolveUnit('市卫生健康委')).toMatchObject({ code: 'health', canonical: '市卫生计生委' });
  });

  it('keeps an unknown name as written and flags it', () => {
    expect(resolveUnit('市交通运输局（市道路运输事业发展中心）')).toEqual({
      code: null,
      canonical: '市交通运输局（市道路运输事业发展中心）',
      flagged: true,
      kind: null,
    });
    // Merged units are not aliases of either predecessor.
    expect(resolveUnit('国家税务总局辽阳市税务局').flagged).toBe(true);
    expect(resolveUnit('市市场监督管理局').flagged).toBe(true);
    // Another city's bureau is not Liaoyang's.
    expect(resolveUnit('鞍山市财政局').flagged).toBe(true);
  });

  it('works with any directory, and rejects one where a name belongs to two units', () => {
    const dir: DepartmentSeed[] = [{ code: 'fin', name: '县财政局', aliases: ['县财政'], kind: 'department', regionCode: '211021' }];
    expect(resolveUnit('县财政', dir).code).toBe('fin');
    expect(resolveUnit('市财政局', dir).flagged).toBe(true);
    const bad: DepartmentSeed[] = [...dir, { code: 'x', name: '县财政', aliases: [], kind: 'department', regionCode: '211021' }];
    expect(() => resolveUnit('县财政局', bad)).toThrow(/both/);
  });

  it('resolves the units of a measure with their roles', () => {
    expect(resolveMeasureUnits({ lead: ['市地税局'], cooperating: ['市人力资源和社会保障局', '市交通局'], responsible: [] })).toEqual([
      { role: 'lead', name: '市地税局', code: 'local_tax', canonical: '市地税局', flagged: false, kind: 'department' },
      { role: 'cooperating', name: '市人力资源和社会保障局', code: 'hrss', canonical: '市人力资源社会保障局', flagged: false, kind: 'department' },
      { role: 'cooperating', name: '市交通局', code: null, canonical: '市交通局', flagged: true, kind: null },
    ]);
  });
});

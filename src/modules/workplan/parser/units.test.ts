import { describe, expect, it } from 'vitest';
import { isNonUnitRemark, looksLikeUnit, parseLabelledClause, parseUnlabelledClause, splitUnitList } from './units.js';

describe('splitUnitList', () => {
  it('splits on 、，, ; / and spaces, keeping bracketed parts whole', () => {
    expect(splitUnitList('市财政局、市教育局,市统计局；市审计局/市民政局 市商务局').units).toEqual([
      '市财政局', '市教育局', '市统计局', '市审计局', '市民政局', '市商务局',
    ]);
    expect(splitUnitList('市交通运输局（市道路运输事业发展中心、市港航中心）、各县(市)区政府').units).toEqual([
      '市交通运输局（市道路运输事业发展中心、市港航中心）',
      '各县(市)区政府',
    ]);
    expect(splitUnitList('市交通运输局 （市道路运输事业发展中心）').units).toEqual(['市交通运输局 （市道路运输事业发展中心）']);
  });

  it('keeps 各区、县(市)政府 together and splits A局和B局 but not 市人力资源和社会保障局', () => {
    expect(splitUnitList('各区、县(市)政府、市财政局').units).toEqual(['各区、县(市)政府', '市财政局']);
    expect(splitUnitList('各县、区人民政府').units).toEqual(['各县、区人民政府']);
    expect(splitUnitList('市财政局和市税务局').units).toEqual(['市财政局', '市税务局']);
    expect(splitUnitList('市人力资源和社会保障局、市经济和信息化委').units).toEqual(['市人力资源和社会保障局', '市经济和信息化委']);
  });

  it('strips a trailing 等 (等部门, 等有关单位) and says so', () => {
    expect(splitUnitList('市教育局、市扶贫办等')).toEqual({ units: ['市教育局', '市扶贫办'], etc: true });
    expect(splitUnitList('市教育局等有关部门')).toEqual({ units: ['市教育局'], etc: true });
    expect(splitUnitList('市教育局、市扶贫办')).toEqual({ units: ['市教育局', '市扶贫办'], etc: false });
  });
});

describe('unit clauses', () => {
  it('reads labelled clauses, longest label first', () => {
    const c = parseLabelledClause('牵头责任单位：市财政局；协同责任单位：市统计局，完成时限：2019年6月')!;
    expect([c.lead, c.cooperating, c.responsible, c.deadline]).toEqual([['市财政局'], ['市统计局'], [], '2019年6月']);
    expect(parseLabelledClause('市财政局负责')).toBeNull();
    expect(parseLabelledClause('以下简称市人社局')).toBeNull();
  });

  it('reads unlabelled clauses only when every name is a unit', () => {
    expect(parseUnlabelledClause('市人社局牵头，市财政局、市教育局按职责分工负责')).toMatchObject({ lead: ['市人社局'], cooperating: ['市财政局', '市教育局'] });
    expect(parseUnlabelledClause('市财政局、市税务局负责')).toMatchObject({ responsible: ['市财政局', '市税务局'] });
    expect(parseUnlabelledClause('各地区各部门要认真负责')).toBeNull();
    expect(parseUnlabelledClause('市财政局牵头，抓好落实工作')).toBeNull();
  });

  it('recognises remarks that are not unit clauses', () => {
    for (const r of ['以下简称市人社局', '含', '其中市本级20个', '系约束性指标', '预期性指标', '辽政发〔2017〕40号', 'GDP', '2018—2020年', '《辽阳市民营企业引进优秀人才扶持办法》']) {
      expect(isNonUnitRemark(r), r).toBe(true);
    }
    expect(isNonUnitRemark('牵头单位:市财政局')).toBe(false);
    expect(looksLikeUnit('国家统计局辽阳调查队')).toBe(true);
    expect(looksLikeUnit('人民银行辽阳市中心支行')).toBe(true);
    expect(looksLikeUnit('加强协调')).toBe(false);
  });
});

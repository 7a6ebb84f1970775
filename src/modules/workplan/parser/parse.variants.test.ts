import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, type Measure, type ParsedPlan } from './index.js';

const load = (name: string): ParsedPlan => parsePlan(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const units = (m: Measure) => ({ lead: m.lead, cooperating: m.cooperating, responsible: m.responsible, etc: m.etc });
const codes = (p: ParsedPlan) => p.warnings.map((w) => `${w.line}:${w.code}`);

describe('full-width punctuation, all labels, covering notice', () => {
  const p = load('fullwidth-labels.txt');

  it('reads metadata: [] document number, Chinese-numeral date, title with a year range', () => {
    expect(p.title).toBe('示例市促进城乡居民增收三年行动方案（2023—2025年）');
    expect(p.noticeTitle).toBe('关于印发示例市促进城乡居民增收三年行动方案（2023—2025年）的通知');
    expect(p.docNumber).toBe('示政办发〔2023〕7号');
    expect(p.issuer).toBe('示例市人民政府办公室');
    expect(p.date).toBe('2023-03-15');
    expect(p.preamble).toBe('为促进城乡居民持续增收，制定本方案。');
  });

  it('reads every label form, with ，or ; between clauses and colons of either width', () => {
    expect(p.measures.map((m) => [m.ref, units(m)])).toEqual([
      ['一(一)1', { lead: ['市人力资源社会保障局'], cooperating: ['市发展改革委', '市财政局'], responsible: [], etc: false }],
      ['一(一)2', { lead: ['市人力资源社会保障局'], cooperating: ['市科技局', '市商务局'], responsible: [], etc: false }],
      ['一(二)1', { lead: [], cooperating: [], responsible: ['市农业农村局', '市乡村振兴局'], etc: false }],
      ['一(二)2', { lead: ['市农业农村局'], cooperating: ['市供销社', '市农业发展银行'], responsible: [], etc: false }],
      ['一(二)3', { lead: ['市商务局'], cooperating: ['市农业农村局', '市邮政管理局'], responsible: [], etc: false }],
      ['一(二)4', { lead: ['市农业农村局'], cooperating: ['市林业局'], responsible: [], etc: false }],
    ]);
    // Full-width "１．" numbering is read as 1.
    expect(p.measures[0].path).toEqual(['一', '(一)', '1']);
    expect(p.measures[0].line).toBe(18);
    expect(p.warnings).toEqual([]);
  });

  it('reads cumulative and incremental targets with 万 units', () => {
    expect(p.measures[0].targets).toEqual([
      { year: 2025, value: 3, unit: '万人', text: '到2025年，全市城镇新增就业累计达到3万人', cumulative: true },
    ]);
    expect(p.measures[1].targets).toEqual([{ year: 2023, value: 5, unit: '个', text: '2023年新建创业孵化基地5个', cumulative: false }]);
  });
});

describe('labels on their own lines', () => {
  const p = load('own-line-labels.txt');

  it('reads labels on the lines under a measure, with colon, space or short labels (牵头：)', () => {
    expect(p.measures.map((m) => [m.ref, m.line, units(m)])).toEqual([
      ['一1', 4, { lead: ['县人力资源社会保障局'], cooperating: ['县发展改革局', '县财政局'], responsible: [], etc: false }],
      ['一2', 7, { lead: [], cooperating: [], responsible: ['县人力资源社会保障局', '县总工会'], etc: false }],
      ['一3', 12, { lead: ['县人力资源社会保障局'], cooperating: ['县农业农村局', '县商务局'], responsible: [], etc: false }],
      ['一4', 15, { lead: ['县商务局'], cooperating: ['县妇联'], responsible: [], etc: false }],
      ['二1', 18, { lead: ['县市场监督管理局'], cooperating: ['县税务局'], responsible: [], etc: false }],
      ['二2', 19, { lead: ['县农业农村局'], cooperating: ['县财政局', '县供销社'], responsible: [], etc: false }],
    ]);
  });

  it('keeps a multi-paragraph measure whole, without its label lines, and reads its deadline', () => {
    const m = p.measures[1];
    expect(m.text).toBe('提高技能人才待遇。\n建立技能人才薪酬激励机制。\n推行企业技能人才自主评价。');
    expect(m.title).toBe('提高技能人才待遇');
    expect(m.deadline).toBe('2023年12月底前');
    expect(m.endLine).toBe(11);
    // An unbracketed clause after the last sentence is taken out of the text.
    expect(p.measures[4].text).toBe('支持个体工商户发展。');
  });

  it('warns about the missing document number, issuer and date, and nothing else', () => {
    expect(p.title).toBe('示例县2023年城乡居民增收工作要点');
    expect(codes(p)).toEqual(['1:NO_DOC_NUMBER', '1:NO_ISSUER', '1:NO_DATE']);
  });
});

describe('unlabelled clauses, 〔〕 brackets and unit names with brackets', () => {
  const p = load('unlabelled.txt');

  it('reads (X牵头，Y按职责分工负责), (X、Y负责), (X牵头，Y配合), (由X负责) and 〔…〕', () => {
    const transport = '市交通运输局（市道路运输事业发展中心）';
    expect(p.measures.map(units)).toEqual([
      { lead: [transport], cooperating: ['各县（市）区政府'], responsible: [], etc: false },
      { lead: [], cooperating: [], responsible: ['市商务局', '市邮政管理局'], etc: false },
      { lead: [transport], cooperating: ['各县(市)区政府', '市财政局'], responsible: [], etc: false },
      { lead: ['市交通运输局'], cooperating: ['市公安局', '市市场监管局'], responsible: [], etc: false },
      { lead: [], cooperating: [], responsible: ['市统计局'], etc: false },
      { lead: ['各县(市)区政府'], cooperating: [transport], responsible: [], etc: false },
    ]);
    expect(p.measures.map((m) => m.text)).toEqual(['推进客运班线公交化改造。', '完善农村物流网络。', '落实惠企政策。', '加强运输市场监管。', '做好统计监测。', '开展试点示范。']);
  });
});

describe('parentheses that are not unit clauses, and clauses that cannot be read', () => {
  const p = load('nonunit-parens.txt');

  it('leaves (GDP), (系…指标), document numbers, (含…), (以下简称…), (其中…) in the text', () => {
    expect(p.measures[0].text).toBe('稳定经济增长。全市地区生产总值(GDP)年均增长6%以上(系预期性指标)。');
    expect(p.measures[1].text).toContain('(财税〔2019〕13号)');
    expect(p.measures[1].text).toContain('(含本数)');
    expect(p.measures[2].text).toContain('(以下简称人行中支)');
    expect(p.measures[2].text).toContain('(其中普惠小微贷款单列)');
    // A short name the document defines is accepted as a unit without a warning.
    expect(p.measures[2].lead).toEqual(['人行中支']);
  });

  it('reports every clause it cannot fully read, with its line', () => {
    expect(p.warnings.filter((w) => !w.code.startsWith('NO_')).map((w) => [w.line, w.code, w.measure])).toEqual([
      [7, 'UNIT_CLAUSE_UNREADABLE', 4],
      [7, 'MEASURE_WITHOUT_UNITS', 4],
      [8, 'UNKNOWN_LABEL', 5],
      [9, 'EMPTY_UNIT_LIST', 6],
      [10, 'UNBALANCED_BRACKET', 7],
    ]);
    expect(p.warnings.find((w) => w.code === 'UNIT_CLAUSE_UNREADABLE')!.message).toContain('(市财政局、市税务局共同研究制定)');
    // The unreadable clause stays in the text for a person to see.
    expect(p.measures[3].text).toBe('完善收入分配制度。(市财政局、市税务局共同研究制定)');
    expect(units(p.measures[3])).toEqual({ lead: [], cooperating: [], responsible: [], etc: false });
  });

  it('still reads what it can: the known labels around an unknown one, an unclosed bracket', () => {
    expect(units(p.measures[4])).toEqual({ lead: ['市人力资源社会保障局'], cooperating: ['市住房城乡建设局'], responsible: [], etc: false });
    expect(units(p.measures[5])).toEqual({ lead: [], cooperating: ['市财政局'], responsible: [], etc: false });
    expect(units(p.measures[6])).toEqual({ lead: ['市民政局'], cooperating: ['市财政局'], responsible: [], etc: false });
  });
});

describe('等, 。 after the bracket, county catch-alls, ⑴/(1)/① numbering', () => {
  const p = load('etc-and-counties.txt');

  it('strips 等 (also 等有关部门) and flags it, keeps county catch-alls whole', () => {
    expect(p.measures.map((m) => [m.ref, units(m)])).toEqual([
      ['一(一)(1)', { lead: ['市民政局'], cooperating: ['市财政局', '市人力资源社会保障局'], responsible: [], etc: true }],
      ['一(一)(2)', { lead: ['市民政局'], cooperating: ['各县(市)区政府'], responsible: [], etc: false }],
      ['一(一)(3)', { lead: ['市残联'], cooperating: ['各区、县(市)政府', '市民政局'], responsible: [], etc: true }],
      ['一(二)1(1)', { lead: [], cooperating: [], responsible: ['各县（市）区人民政府'], etc: false }],
      ['一(二)1(2)', { lead: [], cooperating: [], responsible: ['市政府督查室'], etc: false }],
      ['一(二)2', { lead: [], cooperating: [], responsible: ['市委宣传部', '各县(市)区政府'], etc: true }],
    ]);
    expect(codes(p).filter((c) => c.endsWith('ETC_STRIPPED'))).toEqual(['5:ETC_STRIPPED', '7:ETC_STRIPPED', '14:ETC_STRIPPED']);
  });

  it('nests ⑴ under (一), (1) under 1., and keeps ① sub-points inside their measure', () => {
    expect(p.measures[0].text).toBe('提高低保标准。2024年城乡低保标准提高5%。');
    expect(p.measures[4].text).toBe('加强督促检查。\n①定期调度。每季度调度一次。\n②通报结果。');
    expect(p.measures[4].endLine).toBe(13);
    const s = p.sections[0].children[1];
    expect(s.children.map((c) => [c.number, c.title, c.measure])).toEqual([
      ['1', '建立工作台账', null],
      ['2', '加强宣传', 6],
    ]);
    expect(s.children[0].children.map((c) => [c.number, c.depth, c.style])).toEqual([
      ['(1)', 4, 'paren_arabic'],
      ['(2)', 4, 'paren_arabic'],
    ]);
    expect(p.measures[0].targets).toEqual([{ year: 2024, value: 5, unit: '%', text: '2024年城乡低保标准提高5%', cumulative: false }]);
  });
});

describe('a document with no measures', () => {
  it('returns no measures and a NO_MEASURES warning, with the signature read from the end', () => {
    const p = load('no-measures.txt');
    expect(p.measures).toEqual([]);
    expect(codes(p)).toEqual(['1:NO_MEASURES', '1:NO_DOC_NUMBER']);
    expect(p.issuer).toBe('示例市人民政府办公室');
    expect(p.date).toBe('2023-01-10');
    expect(p.sections.map((s) => s.number)).toEqual(['一', '二', '三']);
  });

  it('handles empty and blank text without throwing', () => {
    for (const t of ['', '\n\n  \n']) {
      const p = parsePlan(t);
      expect(p.measures).toEqual([]);
      expect(p.sections).toEqual([]);
      expect(p.warnings.map((w) => w.code)).toContain('NO_MEASURES');
    }
  });
});

describe('numbering checks and unit-less siblings', () => {
  it('reports a gap in the numbering and a measure among measures that names no unit', () => {
    const p = parsePlan(['一、任务', '1.甲。(牵头单位:市财政局)', '2.乙。', '4.丁。(责任单位:市统计局)'].join('\n'));
    expect(p.measures.map((m) => [m.ref, m.lead, m.responsible])).toEqual([
      ['一1', ['市财政局'], []],
      ['一2', [], []],
      ['一4', [], ['市统计局']],
    ]);
    expect(codes(p).filter((c) => !/NO_(TITLE|DOC|ISSUER|DATE)/.test(c))).toEqual(['3:MEASURE_WITHOUT_UNITS', '4:NUMBERING_GAP']);
  });

  it('reports a line under a measure that is only unit names, with no label', () => {
    const p = parsePlan('一、任务\n1.甲。（牵头单位：市财政局）\n2.乙。\n市统计局、市审计局\n3.丙。（牵头单位：市民政局）');
    const w = p.warnings.filter((x) => x.code === 'UNIT_CLAUSE_UNREADABLE');
    expect(w.map((x) => [x.line, x.measure])).toEqual([[4, 2]]);
    expect(w[0].message).toContain('市统计局、市审计局');
    expect(p.measures[1].text).toBe('乙。\n市统计局、市审计局');
  });

  it('joins a bracket that spans lines, and reads a deadline remark after the clause', () => {
    const p = parsePlan('一、任务\n1.加快发展。\n（牵头单位：市发展改革委\n配合单位：市财政局、\n市统计局）\n2.建设园区。（牵头单位：市商务局）（2019年底前完成）');
    expect(p.measures.map((m) => [m.lead, m.cooperating, m.text, m.deadline])).toEqual([
      [['市发展改革委'], ['市财政局', '市统计局'], '加快发展。', null],
      [['市商务局'], [], '建设园区。（2019年底前完成）', '2019年底前'],
    ]);
    expect(p.warnings.filter((w) => !w.code.startsWith('NO_'))).toEqual([]);
    expect(p.measures[0].endLine).toBe(5);
  });

  it('reports a unit listed twice', () => {
    const p = parsePlan('一、任务\n1.甲。（牵头单位：市财政局；配合单位：市财政局、市统计局、市统计局）');
    expect(p.measures[0].cooperating).toEqual(['市财政局', '市统计局']);
    expect(p.warnings.filter((w) => w.code === 'DUPLICATE_UNIT')).toHaveLength(2);
  });

  it('handles CRLF line ends and a UTF-8 BOM left in the string', () => {
    const p = parsePlan('\ufeff一、任务\r\n1.甲。（牵头单位：市财政局）\r\n2.乙。（牵头单位：市统计局）\r\n');
    expect(p.measures.map((m) => [m.line, m.lead[0]])).toEqual([
      [2, '市财政局'],
      [3, '市统计局'],
    ]);
  });
});

import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { reportDocx } from './docx.js';
import { FIXTURE_DASHBOARD as D } from './fixtures.js';
import { setFontsForTest } from './charts.js';
import { isPng, parseDocx } from './report-parse.test-helpers.js';
import { contentDisposition } from './report.service.js';
import { defaultTemplate, REPORT_SECTIONS, validateTemplate, type ReportSection } from './templates.js';
import { reportWorkbook } from './xlsx.js';

const templates = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, defaultTemplate(s)])) as Record<ReportSection, string>;
const card = (code: string) => D.headline.find((h) => h.code === code)!;

describe('monitoring report .docx from the fixture dashboard', () => {
  afterEach(() => setFontsForTest(undefined));

  it('has the title, the four sections in order, tables, the page-number field and the synthetic-data note', async () => {
    const doc = await parseDocx(await reportDocx(D, { templates, period: '2025' }));
    expect(doc.paragraphs).toContain('辽阳市2025年城乡居民收入增长监测报告');
    expect(doc.paragraphs).toContain('增收监测〔2025〕1号');
    const heads = ['一、总体情况', '二、分项分析', '三、存在问题', '四、下一步建议'].map((h) => doc.paragraphs.indexOf(h));
    expect(heads.every((i) => i > 0)).toBe(true);
    expect([...heads].sort((a, b) => a - b)).toEqual(heads);
    expect(doc.text).toContain('演示用合成数据');
    expect(doc.footers).toMatch(/PAGE/);
    expect(doc.xml.match(/<w:tbl>/g)!.length).toBe(6); // headline, quintiles, counties, key groups, targets, tasks
    expect(doc.text).toContain('表1　主要指标');
    expect(doc.text).toContain('图1　城乡居民人均可支配收入与翻番路径（元）');
  });

  it('writes the fixture figures as the dashboard formats them (hand-rounded here)', async () => {
    const doc = await parseDocx(await reportDocx(D, { templates }));
    // 40318.6 → 40,319元, growth 0.05071 → 5.1%; 51722.4 → 51,722元 (+4.4%); 25565.5 → 25,566元 (+6.4%, half away from zero)
    expect(card('income.pc.all').value).toBe(40318.6);
    expect(doc.text).toContain('全市居民人均可支配收入40,319元，比上年增长5.1%');
    expect(doc.text).toContain('城镇居民人均可支配收入51,722元，比上年增长4.4%');
    expect(doc.text).toContain('农村居民人均可支配收入25,566元，比上年增长6.4%');
    expect(doc.text).toContain('城乡居民收入比为2.02，比上年缩小');
    expect(doc.text).toContain('基尼系数为0.361');
    expect(doc.text).toContain('中等收入群体比重为31.2%');
    // doubling: 51722 / 20446 = 2.5297… → 2.53; 25566 / 7615 = 3.357… → 3.36
    expect(doc.text).toContain('为2010年的2.53倍，已实现翻番目标');
    expect(doc.text).toContain('为2010年的3.36倍');
    // quintiles: 87812.4 / 11876.3 = 7.394 → 7.39
    expect(doc.text).toContain('高低收入组收入倍差为7.39');
    // counties: highest 白塔区 53,870; lowest 辽阳县 30,512; 53870.1 / 30511.7 = 1.7656 → 1.77
    expect(doc.text).toContain('白塔区居民人均可支配收入最高，为53,870元；辽阳县最低，为30,512元，两者之比为1.77');
    // targets: 3 achieved, 1 on track, 1 at risk, 1 off track
    expect(doc.text).toContain('对照方案确定的6项量化目标，已实现3项，进度正常1项，存在风险1项，明显滞后1项');
    expect(doc.text).toContain('完成目标尚需年均增长5.8%');
    // the problems name the groups below the average: 33712.8 / 40318.6 and 14233.5 / 40318.6 < 1
    expect(doc.text).toContain('新型职业农民、有劳动能力的困难群体人均可支配收入低于全体居民平均水平');
    // a table cell: the county table row of 宏伟区 (53611.2 → 53,611; 0.0409 → 4.1%)
    expect(doc.paragraphs.slice(doc.paragraphs.indexOf('宏伟区'), doc.paragraphs.indexOf('宏伟区') + 3)).toEqual(['宏伟区', '53,611', '4.1%']);
  });

  it('embeds the three charts as PNG images', async () => {
    const doc = await parseDocx(await reportDocx(D, { templates }));
    const pngs = doc.media.filter((m) => m.name.endsWith('.png'));
    expect(pngs).toHaveLength(3);
    for (const p of pngs) {
      expect(isPng(p.bytes)).toBe(true);
      expect(p.bytes.length).toBeGreaterThan(5_000);
    }
  });

  it('keeps the charts without labels when no CJK font exists', async () => {
    setFontsForTest(null);
    const doc = await parseDocx(await reportDocx({ ...D, counties: D.counties.slice(0, 3) }, { templates }));
    expect(doc.media.filter((m) => isPng(m.bytes))).toHaveLength(3);
  });

  it('names a quarter in the title and issue number', async () => {
    const doc = await parseDocx(await reportDocx(D, { templates, period: '2025-Q3', charts: false }));
    expect(doc.paragraphs).toContain('辽阳市2025年第三季度城乡居民收入增长监测报告');
    expect(doc.paragraphs).toContain('增收监测〔2025〕3号');
    expect(doc.text).toContain('按季度开展监测');
    expect(doc.paragraphs).toContain('（指标按年度计算，本期报告采用截至2025年第三季度可得的2025年最新数据）');
    expect(doc.media).toHaveLength(0);
  });

  it('writes a county report without comparing the county with itself, numbering what is left', async () => {
    const county = { ...D, region: { code: '211021', name: '辽阳县', level: 'county' as const }, counties: D.counties.filter((c) => c.region === '211021') };
    const doc = await parseDocx(await reportDocx(county, { templates, charts: false }));
    expect(doc.paragraphs).toContain('辽阳县2025年城乡居民收入增长监测报告');
    expect(doc.text).toContain('全县居民人均可支配收入40,319元');
    expect(doc.text).not.toContain('最高');
    expect(doc.text).not.toContain('县（市）区之间发展不平衡');
    expect(doc.text).toContain('（二）重点群体。');
    expect(doc.text).toContain('（四）任务推进。');
    expect(doc.text).toContain('四是部分任务推进迟缓。');
  });

  it('uses an edited template', async () => {
    const edited = { ...templates, problems: '城镇{{headline.urban.text}}，农村{{yuan headline.rural.value}}，比值{{num headline.ratio.value 2}}，{{growth headline.rural.growth}}。' };
    const doc = await parseDocx(await reportDocx(D, { templates: edited, charts: false }));
    expect(doc.text).toContain('城镇51,722元，农村25,566元，比值2.02，增长6.4%。');
  });
});

describe('monitoring report .xlsx', () => {
  it('has one sheet per table with the figures rounded as displayed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(D)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['主要指标', '历年变化', '五等份', '洛伦兹曲线', '县区', '重点群体', '目标', '任务']);
    const head = wb.getWorksheet('主要指标')!;
    expect(head.getCell('A1').value).toBe('辽阳市2025年主要指标');
    expect(head.getRow(2).values).toEqual([undefined, '指标', '数值', '单位', '比上年增长', '95%置信区间(下限)', '95%置信区间(上限)', '来源']);
    expect(head.getCell('A3').value).toBe('城镇常住居民人均可支配收入');
    expect(head.getCell('B3').value).toBe(51722); // 51722.4 rounded to the definition's 0 decimals
    expect(head.getCell('B3').numFmt).toBe('#,##0');
    expect(head.getCell('D3').value).toBe(0.044); // 0.04403 shown as 4.4%
    expect(head.getCell('D3').numFmt).toBe('0.0%');
    expect(head.getCell('B6').value).toBe(2.02);
    expect(head.getCell('B7').value).toBe(0.361);
    expect(head.getCell('B8').value).toBe(31.2);
    const q = wb.getWorksheet('五等份')!;
    expect([q.getCell('B3').value, q.getCell('C7').value]).toEqual([11876, 0.436]);
    const tasks = wb.getWorksheet('任务')!;
    expect(tasks.getRow(tasks.rowCount - 2).values).toEqual([undefined, '合计', '合计', 4, 6, 20, 4, 34]);
  });

  it('returns one sheet for ?table=', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(D, { table: "counties" })) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['县区']);
    expect(wb.worksheets[0]!.getCell('A3').value).toBe('白塔区');
    expect(wb.worksheets[0]!.rowCount).toBe(2 + 7 + 2);
  });
});

describe('report templates', () => {
  it('accepts the shipped defaults', () => {
    for (const s of REPORT_SECTIONS) expect(() => validateTemplate(s, defaultTemplate(s))).not.toThrow();
  });

  const err = (section: ReportSection, src: string) => {
    try {
      validateTemplate(section, src);
    } catch (e) {
      return { code: (e as { code: string }).code, message: (e as Error).message };
    }
    return null;
  };

  it('refuses a broken template with a Chinese message naming the problem', () => {
    expect(err('overview', '第一行\n收入{{headline.urbn.text}}')).toEqual({ code: 'TEMPLATE_INVALID', message: '模板“一、总体情况”第2行有误：未知的数据字段或函数“headline.urbn.text”' });
    expect(err('analysis', '{{#if quintiles}}没有结束')!.message).toBe('模板“二、分项分析”第1行有误：模板意外结束，可能缺少“}}”或块结束标记“{{/…}}”');
    expect(err('problems', '{{#each targets}}x{{/if}}')!.message).toBe('模板“三、存在问题”第1行有误：块标记不匹配：“{{#each}}”与“{{/if}}”');
    expect(err('suggestions', '{{yuanx headline.urban.value}}')!.message).toContain('未知的数据字段或函数“yuanx”');
    expect(err('overview', '收入{{headline.urban.text}}\n{{#each targets}}{{titel}}{{/each}}')!.message).toBe('模板“一、总体情况”第2行有误：未知的数据字段或函数“titel”');
    // a misspelt field used only as a helper argument (strict mode alone would read it as false)
    expect(err('overview', '收入\n\n{{#if (has headline.urbn.value)}}城镇{{/if}}{{headline.all.text}}')).toEqual({ code: 'TEMPLATE_INVALID', message: '模板“一、总体情况”第3行有误：未知的数据字段或函数“headline.urbn.value”' });
    expect(err('problems', '{{#each targetsBehind}}{{#if (has latestPerod)}}x{{/if}}{{/each}}有')!.message).toContain('“latestPerod”');
    expect(err('problems', '{{#each targetsBehind}}{{#if (has latestPeriod)}}{{../region.name}}{{/if}}{{/each}}有')).toBeNull();
    expect(err('overview', '   ')).toEqual({ code: 'TEMPLATE_EMPTY', message: '模板“一、总体情况”生成的文字为空' });
  });
});

describe('Content-Disposition', () => {
  it('carries an ASCII fallback and the RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('辽阳市2025年城乡居民收入增长监测报告.docx', 'income-report-211000-2025.docx')).toBe(
      `attachment; filename="income-report-211000-2025.docx"; filename*=UTF-8''${encodeURIComponent('辽阳市2025年城乡居民收入增长监测报告.docx')}`,
    );
    expect(decodeURIComponent(contentDisposition('报告(1).docx', 'r.docx').split("''")[1]!)).toBe('报告(1).docx');
  });
});

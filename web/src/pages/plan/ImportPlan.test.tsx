// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult } from './api';
import { ImportPlan } from './ImportPlan';
import { fail, mockFetch, ok, renderPage } from './testing';

const TEXT = '辽阳市激发重点群体活力带动城乡居民增收工作方案\n1.完善技术工人薪酬激励机制。(牵头单位:市人力资源社会保障局)\n';
/** base64 of TEXT's UTF-8 bytes (computed with Node's Buffer). */
const TEXT_BASE64 =
  '6L696Ziz5biC5r+A5Y+R6YeN54K5576k5L2T5rS75Yqb5bim5Yqo5Z+O5Lmh5bGF5rCR5aKe5pS25bel5L2c5pa55qGICjEu5a6M5ZaE5oqA5pyv5bel5Lq66Jaq6YWs5r+A5Yqx5py65Yi244CCKOeJteWktOWNleS9jTrluILkurrlipvotYTmupDnpL7kvJrkv53pmpzlsYApCg==';

function plan(over: Partial<ImportResult['plan']> = {}): ImportResult['plan'] {
  return {
    id: 5, title: '辽阳市激发重点群体活力带动城乡居民增收工作方案', docNumber: '辽市政发〔2018〕15号', issuer: null, issuedOn: null,
    periodType: 'month', startDate: '2026-01-01', endDate: '2027-01-01', taskCount: 58, counts: { green: 0, yellow: 0, red: 58, done: 0 },
    warnings: [{ line: 77, code: 'ETC', message: '“配合单位”列表以“等”结尾' }], createdAt: '2026-11-27T00:00:00Z', ...over,
  };
}

function pick(name: string, content: string) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'text/plain' })] } });
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: '导 入' }));

/** Today and a year later as yyyy-mm-dd, from the Date API (the dialog uses dayjs). */
function defaultPeriod() {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return { startDate: `${d.getFullYear()}-${day}`, endDate: `${d.getFullYear() + 1}-${day}` };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('import dialog', () => {
  it('sends the file as base64 with the period and shows the task count and warnings with line numbers', async () => {
    const calls = mockFetch({ 'POST /api/plans/import': ok({ plan: plan(), duplicate: false }) });
    const onImported = vi.fn();
    renderPage(<ImportPlan open onClose={() => undefined} onImported={onImported} />);
    pick('方案.txt', TEXT);
    await screen.findByText('方案.txt');
    submit();
    await screen.findByText('导入成功：生成任务 58 项');
    expect(screen.getByText('第 77 行')).toBeTruthy();
    expect(screen.getByText('“配合单位”列表以“等”结尾')).toBeTruthy();
    expect(calls[0].body).toEqual({ fileBase64: TEXT_BASE64, fileName: '方案.txt', periodType: 'month', ...defaultPeriod() });
    expect(onImported).toHaveBeenCalledWith(5);
  });

  it('says so when the plan was imported before', async () => {
    mockFetch({ 'POST /api/plans/import': ok({ plan: plan(), duplicate: true }) });
    renderPage(<ImportPlan open onClose={() => undefined} onImported={() => undefined} />);
    pick('again.txt', TEXT);
    await screen.findByText('again.txt');
    submit();
    expect((await screen.findByTestId('import-duplicate')).textContent).toContain('该方案此前已导入（辽阳市激发重点群体活力带动城乡居民增收工作方案），未重复创建。');
  });

  it('shows the server’s own message when the document cannot be read, and imports nothing', async () => {
    mockFetch({ 'POST /api/plans/import': fail(400, 'NO_MEASURES', '没有识别到任何措施：文中没有写明牵头单位') });
    const onImported = vi.fn();
    renderPage(<ImportPlan open onClose={() => undefined} onImported={onImported} />);
    pick('notes.txt', '一、总体要求');
    await screen.findByText('notes.txt');
    submit();
    expect((await screen.findByTestId('import-error')).textContent).toContain('没有识别到任何措施：文中没有写明牵头单位');
    expect(onImported).not.toHaveBeenCalled();
  });

  it('refuses other file types and asks for a file before sending anything', async () => {
    const calls = mockFetch({});
    renderPage(<ImportPlan open onClose={() => undefined} onImported={() => undefined} />);
    pick('plan.pdf', '%PDF-1.4');
    await screen.findByText('只能导入 .txt 或 .docx 文件');
    submit();
    await screen.findByText('请选择方案文件');
    await waitFor(() => expect(calls).toEqual([]));
  });
});

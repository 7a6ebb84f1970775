import ExcelJS from 'exceljs';

export interface AuditExportRow {
  id: number; ts: string; username: string | null; action: string; objectType: string | null; objectId: string | null;
  regionCode: string | null; outcome: string; ip: string | null; detail: Record<string, unknown>; hash: string;
}

/** The audit trail as an .xlsx workbook, one row per record, with its chain hash. */
export async function auditWorkbook(rows: AuditExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zengshou';
  const ws = wb.addWorksheet('审计日志');
  ws.columns = [
    { header: '序号', key: 'id', width: 8 },
    { header: '时间 (UTC)', key: 'ts', width: 24 },
    { header: '用户', key: 'username', width: 14 },
    { header: '操作', key: 'action', width: 22 },
    { header: '对象类型', key: 'objectType', width: 12 },
    { header: '对象', key: 'objectId', width: 12 },
    { header: '区划', key: 'regionCode', width: 14 },
    { header: '结果', key: 'outcome', width: 10 },
    { header: '客户端地址', key: 'ip', width: 16 },
    { header: '详情', key: 'detail', width: 40 },
    { header: '哈希', key: 'hash', width: 66 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow({ ...r, detail: JSON.stringify(r.detail) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

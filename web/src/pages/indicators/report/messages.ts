/** UI text of the monitoring-report panel: [中文, English]. Server messages are shown as the server wrote them. */
import { useCallback } from 'react';
import type { Locale } from '../../../api/types';
import { useI18n } from '../../../i18n';

export const REPORT_MESSAGES = {
  'report.title': ['监测报告', 'Monitoring report'],
  'report.download': ['下载监测报告', 'Download report'],
  'report.exportXlsx': ['导出表格', 'Export tables'],
  'report.kind.year': ['年度', 'Annual'],
  'report.kind.quarter': ['季度', 'Quarterly'],
  'report.kind.month': ['月度', 'Monthly'],
  'report.period': ['报告期', 'Period'],
  'report.downloading': ['正在生成并下载…', 'Generating and downloading…'],
  'report.downloaded': ['已下载 {name}', 'Downloaded {name}'],
  'report.received': ['已接收 {kb} KB', '{kb} KB received'],
  'report.editTemplates': ['编辑报告模板', 'Edit report templates'],
  'report.templates': ['报告模板', 'Report templates'],
  'report.templates.help': [
    '各部分文字由模板根据监测数据自动生成。可用占位符如 {{fmt headline.urban}}、{{growth headline.urban.growth}}、{{status target.status}}；编辑后请先预览再保存。',
    'Each part is written from the data by a template. Placeholders such as {{fmt headline.urban}}, {{growth headline.urban.growth}}, {{status target.status}}; preview before saving.',
  ],
  'report.preview': ['预览', 'Preview'],
  'report.save': ['保存', 'Save'],
  'report.reset': ['恢复默认', 'Reset to default'],
  'report.saved': ['模板已保存（第 {v} 版）', 'Template saved (version {v})'],
  'report.resetDone': ['已恢复默认模板', 'Default template restored'],
  'report.version': ['第 {v} 版，{by} 于 {at} 修改', 'Version {v}, by {by} at {at}'],
  'report.default': ['默认模板', 'Default template'],
  'report.readOnly': ['您可以查看模板，但无权修改。', 'You can view the templates but not change them.'],
  'report.close': ['关闭', 'Close'],
  'report.variables': ['可用数据字段', 'Available fields'],
} as const;

export type ReportKey = keyof typeof REPORT_MESSAGES;
export type ReportT = (key: ReportKey, vars?: Record<string, string | number>) => string;

export function reportText(locale: string, key: ReportKey, vars?: Record<string, string | number>): string {
  let text: string = REPORT_MESSAGES[key][locale === 'en-US' ? 1 : 0];
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
  return text;
}

/** The shell's locale with this folder's message table. */
export function useReportI18n(): { t: ReportT; locale: Locale } {
  const { locale } = useI18n();
  const t = useCallback<ReportT>((key, vars) => reportText(locale, key, vars), [locale]);
  return { t, locale };
}

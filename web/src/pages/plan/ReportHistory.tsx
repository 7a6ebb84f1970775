/** Every report on a task, newest first: unit and consolidated reports, status, review comments, attachments. */
import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import type { Report, TaskDetail } from './api';
import { exportUrls } from './api';
import { formatSize } from './files';
import { labelled, usePlanI18n } from './messages';
import { ReviewPanel } from './ReviewPanel';

const STATUS_TAG: Record<Report['status'], string> = { submitted: 'processing', approved: 'success', returned: 'error', incorporated: 'default' };

export function ReportHistory({ task, canSupervise, onChanged }: { task: TaskDetail; canSupervise: boolean; onChanged: () => void }) {
  const { t, locale } = usePlanI18n();
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { hour12: false });
  const reports = [...task.reports].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id - a.id);
  const milestone = new Map(task.milestones.map((m) => [m.id, m]));
  if (reports.length === 0) return <Empty description={t('report.history.none')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {reports.map((r) => (
        <Card
          key={r.id}
          size="small"
          data-testid={`report-card-${r.id}`}
          title={
            <Space wrap>
              <span>{r.period}</span>
              <span>{r.unitName}</span>
              <Tag>{t(`report.kind.${r.kind}`)}</Tag>
              <Tag color={STATUS_TAG[r.status]}>{t(`report.status.${r.status}`)}</Tag>
              {r.requestClose && <Tag color="purple">{t('report.requestedClose')}</Tag>}
            </Space>
          }
          extra={<b style={{ fontSize: 16 }}>{r.percent}%</b>}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Typography.Paragraph>
          {r.indicators.length > 0 && (
            <Typography.Paragraph type="secondary">
              {labelled(locale, t('report.indicators'))}
              {r.indicators
                .map((i) => {
                  const m = milestone.get(i.milestoneId);
                  return `${m?.title ?? `#${i.milestoneId}`} ${i.value}${m?.targetUnit ?? ''}`;
                })
                .join('；')}
            </Typography.Paragraph>
          )}
          {r.attachments.length > 0 && (
            <Space wrap style={{ marginBottom: 8 }}>
              {r.attachments.map((a) => (
                <a key={a.id} href={exportUrls.attachment(a.id)} download={a.fileName}>
                  <PaperClipOutlined /> {a.fileName} <Typography.Text type="secondary">（{formatSize(a.size)}）</Typography.Text>
                </a>
              ))}
            </Space>
          )}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('report.by', { who: r.submittedBy, at: when(r.submittedAt) })}
            {r.reviewedBy && r.reviewedAt && `；${t('report.reviewedBy', { who: r.reviewedBy, at: when(r.reviewedAt) })}`}
          </Typography.Text>
          {r.reviewComment && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, padding: 8, background: r.status === 'returned' ? '#fff1f0' : '#f6ffed' }}>
              {labelled(locale, t('report.reviewComment'))}
              {r.reviewComment}
            </Typography.Paragraph>
          )}
          {canSupervise && r.kind === 'consolidated' && r.status === 'submitted' && (
            <div style={{ marginTop: 12, paddingTop: 12, borderTop: '1px dashed #d9d9d9' }}>
              <ReviewPanel reportId={r.id} onReviewed={onChanged} />
            </div>
          )}
        </Card>
      ))}
    </Space>
  );
}

/** The month's page of the diary: status, totals, members at home, quality checks with comments, submission. */
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatFen } from '../../../../src/shared/api/survey-amount';
import { errorText } from '../../i18n';
import { surveyApi, type DiaryMonth, type Household, type Item } from './api';
import { useSurveyI18n, type SurveyKey } from './messages';

const STATUS_COLOUR = { open: 'blue', submitted: 'gold', returned: 'red', approved: 'green' } as const;
const LEVEL = { household: '调查员', township: '乡镇（街道）', county: '县（市、区）', city: '市' } as const;

export function MonthPanel({ household, view, items, onChanged }: { household: Household; view: DiaryMonth; items: Map<string, Item>; onChanged: () => void }) {
  const { t, locale } = useSurveyI18n();
  const { message } = App.useApp();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [declared, setDeclared] = useState<number | null>(view.declaredMembers);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDeclared(view.declaredMembers), [view.declaredMembers, view.month]);

  let income = 0;
  let spending = 0;
  for (const e of view.entries) {
    const it = items.get(e.itemCode);
    if (it?.kind === 'income') income += e.amountFen;
    if (it?.kind === 'consumption') spending += e.amountFen;
  }
  const editable = view.status === 'open' || view.status === 'returned';
  const [y, m] = view.month.split('-');
  const monthLabel = locale === 'en-US' ? view.month : `${y}年${Number(m)}月`;

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await surveyApi.submit(household.id, view.month, comments, declared ?? undefined);
      message.success(t('month.submitted'));
      onChanged();
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('month.title', { month: monthLabel })} data-testid="month-panel" extra={<Tag color={STATUS_COLOUR[view.status]} data-testid="month-status">{t(`month.status.${view.status}` as SurveyKey)}</Tag>}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {view.lockedBy && view.lockedBy !== 'household' && <Alert type="success" showIcon title={t('month.lockedBy', { level: locale === 'en-US' ? view.lockedBy : LEVEL[view.lockedBy] })} />}
        {view.comment && view.status === 'returned' && <Alert type="warning" showIcon title={t('month.reviewComment', { c: view.comment })} data-testid="review-comment" />}
        {view.conflicts > 0 && <Alert type="warning" showIcon title={t('month.conflicts', { n: view.conflicts })} />}
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('month.income')}>{formatFen(income)} 元</Descriptions.Item>
          <Descriptions.Item label={t('month.spending')}>{formatFen(spending)} 元</Descriptions.Item>
          <Descriptions.Item label={t('month.declared')}>
            <Space>
              <InputNumber min={0} max={30} value={declared} disabled={!editable} onChange={(v) => setDeclared(v ?? null)} aria-label={t('month.declared')} data-testid="declared-members" />
              <Typography.Text type="secondary">{t('month.residents', { n: view.residentMembers })}</Typography.Text>
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text strong>{t('month.issues')}</Typography.Text>
        {view.issues.length === 0 ? (
          <Typography.Text type="success">{t('month.noIssues')}</Typography.Text>
        ) : (
          <div data-testid="month-issues">
            {view.issues.map((i) => (
              <div key={i.key} data-testid={`issue-${i.code}`} style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space size={4} align="start">
                    <Tag color={i.severity === 'error' ? 'red' : 'gold'}>{t(i.severity === 'error' ? 'month.error' : 'month.warning')}</Tag>
                    <span>{i.message}</span>
                  </Space>
                  {i.severity === 'warning' &&
                    (editable ? (
                      <Input size="small" aria-label={t('month.comment')} placeholder={t('month.comment')} value={comments[i.key] ?? ''} onChange={(e) => setComments({ ...comments, [i.key]: e.target.value })} data-testid={`comment-${i.key}`} />
                    ) : (
                      i.comment && <Typography.Text type="secondary">{t('month.comment')}：{i.comment}</Typography.Text>
                    ))}
                </Space>
              </div>
            ))}
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="submit-error" />}
        {editable && (
          <Button type="primary" block loading={busy} onClick={() => void submit()} data-testid="submit-month">
            {t('month.submit')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

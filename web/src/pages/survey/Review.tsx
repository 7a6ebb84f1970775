/** 审核: the viewer's level (enumerator, township, county, city), its unit and the units below it. */
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { surveyApi, type ReviewLevel, type ReviewUnit } from './api';
import { useSurveyI18n, type SurveyKey } from './messages';

const COLOUR = { open: 'default', submitted: 'gold', returned: 'red', approved: 'green' } as const;
/** The enumerator returns a submitted household; a township a household; a county a township; the city a county. */
function canReturn(level: ReviewLevel, u: ReviewUnit): boolean {
  if (level === 'household') return u.status === 'submitted';
  if (level === 'township') return u.status === 'submitted' || u.status === 'approved';
  return u.status === 'approved';
}
const lastMonth = () => {
  const d = new Date();
  d.setDate(0);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

export function Review({ sampleId, month: initial, onOpenDiary }: { sampleId: number; month?: string; onOpenDiary: (householdId: number, month: string) => void }) {
  const { t, locale } = useSurveyI18n();
  const { message } = App.useApp();
  const [month, setMonth] = useState(initial ?? lastMonth());
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const data = useApi<{ level: ReviewLevel | null; self: ReviewUnit | null; children: ReviewUnit[] }>('/api/survey/review', { sampleId, month });

  async function act(action: 'approve' | 'return' | 'reopen', u: ReviewUnit) {
    setError(null);
    try {
      await surveyApi.act(action, { sampleId, level: u.level, unitCode: u.unitCode, month, ...(comment.trim() && { comment: comment.trim() }) });
      message.success(t('review.done'));
      setComment('');
      data.reload();
    } catch (e) {
      setError(errorText(locale, e));
    }
  }

  const level = data.data?.level;
  const self = data.data?.self;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="review">
      <Space wrap>
        <span>{t('review.month')}</span>
        <Input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} style={{ width: 170 }} data-testid="review-month" aria-label={t('review.month')} />
        {level && <Tag color="blue">{t(`review.level.${level}` as SurveyKey)}</Tag>}
      </Space>
      <Typography.Text type="secondary">{t('review.rule')}</Typography.Text>
      {data.error && <Alert type="error" showIcon title={errorText(locale, data.error)} />}
      {data.data && !level && <Alert type="info" showIcon title={t('review.none')} />}
      {error && <Alert type="error" showIcon title={error} data-testid="review-error" closable={{ onClose: () => setError(null) }} />}
      <Input.TextArea rows={2} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('review.comment')} aria-label={t('review.comment')} data-testid="review-comment" />
      {self && (
        <Card size="small" data-testid={`review-self-${self.unitCode}`} title={t('review.self', { name: self.name })} extra={<Tag color={COLOUR[self.status]}>{t(`month.status.${self.status}` as SurveyKey)}</Tag>}>
          <Space wrap>
            <span>{t('review.children', { ok: self.childrenApproved, n: self.children })}</span>
            <Button type="primary" disabled={!self.canApprove} onClick={() => void act('approve', self)} data-testid="approve-self">
              {t('review.approve')}
            </Button>
            {self.status === 'approved' && (
              <Button onClick={() => void act('reopen', self)} data-testid="reopen-self">
                {t('review.reopen')}
              </Button>
            )}
            {self.comment && <Typography.Text type="secondary">{self.comment}</Typography.Text>}
          </Space>
        </Card>
      )}
      {level && (
        <Table<ReviewUnit>
          size="small"
          rowKey="unitCode"
          // a unit's `children` is a count, not tree rows
          expandable={{ childrenColumnName: 'subunits' }}
          loading={data.loading}
          dataSource={data.data?.children ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(u) => ({ 'data-testid': `review-unit-${u.unitCode}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('review.unit'), dataIndex: 'name' },
            { title: t('review.status'), key: 's', render: (u: ReviewUnit) => <Tag color={COLOUR[u.status]}>{t(`month.status.${u.status}` as SurveyKey)}</Tag> },
            { title: t('review.children', { ok: '', n: '' }).replace(/\s*\/\s*/, ''), key: 'c', render: (u: ReviewUnit) => (u.level === 'household' ? (u.issues ? `${t('review.issues')} ${u.issues}` : '') : `${u.childrenApproved}/${u.children}`) },
            { title: t('month.comment'), dataIndex: 'comment', ellipsis: true },
            {
              title: '',
              key: 'a',
              render: (u: ReviewUnit) => (
                <Space size={4} wrap>
                  {u.level === 'household' && <Button size="small" onClick={() => onOpenDiary(Number(u.unitCode), month)}>{t('review.view')}</Button>}
                  {u.canApprove && <Button size="small" type="primary" onClick={() => void act('approve', u)} data-testid={`approve-${u.unitCode}`}>{t('review.approve')}</Button>}
                  {level === 'household' && u.status === 'approved' && <Button size="small" onClick={() => void act('reopen', u)}>{t('review.reopen')}</Button>}
                  {canReturn(level, u) && (
                    <Button size="small" danger onClick={() => void act('return', u)} data-testid={`return-${u.unitCode}`}>{t('review.return')}</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

/** 同步冲突: an entry edited on the phone and elsewhere; both versions are kept until someone chooses. */
import { Alert, App, Button, Card, Empty, Space, Tag } from 'antd';
import { formatFen } from '../../../../src/shared/api/survey-amount';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { surveyApi, type Conflict } from './api';
import { useSurveyI18n } from './messages';

const show = (v: Record<string, unknown>) => `${v.date} ${v.item_code} ${formatFen(Number(v.amount_fen))} 元${v.note ? `（${v.note}）` : ''}${v.deleted ? ' [删除]' : ''}`;

export function Conflicts({ sampleId, canResolve }: { sampleId: number; canResolve: boolean }) {
  const { t, locale } = useSurveyI18n();
  const { message } = App.useApp();
  const list = useApi<Conflict[]>('/api/survey/conflicts', { sampleId });
  async function resolve(c: Conflict, keep: 'server' | 'client' | 'both') {
    try {
      await surveyApi.resolve(c.id, keep);
      message.success(t('review.done'));
      list.reload();
    } catch (e) {
      message.error(errorText(locale, e));
    }
  }
  if (list.error) return <Alert type="error" showIcon title={errorText(locale, list.error)} />;
  if (list.data && list.data.length === 0) return <Empty description={t('conflict.none')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(list.data ?? []).map((c) => (
        <Card size="small" key={c.id} data-testid={`conflict-${c.id}`} title={c.householdCode} extra={canResolve && (
          <Space size={4}>
            <Button size="small" onClick={() => void resolve(c, 'server')}>{t('conflict.keepServer')}</Button>
            <Button size="small" onClick={() => void resolve(c, 'client')}>{t('conflict.keepClient')}</Button>
            <Button size="small" type="primary" onClick={() => void resolve(c, 'both')}>{t('conflict.keepBoth')}</Button>
          </Space>
        )}>
          <Space orientation="vertical" size={2}>
            <span><Tag>{t('conflict.server')}</Tag>{show(c.server)}（{String(c.server.updated_by)}）</span>
            <span><Tag color="orange">{t('conflict.client')}</Tag>{show(c.client)}（{c.createdBy}）</span>
          </Space>
        </Card>
      ))}
    </Space>
  );
}

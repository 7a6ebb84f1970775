/** The registry in numbers (within the user's scope) and the measured linkage quality. */
import { Alert, Col, Row, Spin, Statistic } from 'antd';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import type { Overview as OverviewData } from './api';
import { useRegistryI18n } from './messages';

export function Overview() {
  const { t, locale } = useRegistryI18n();
  const o = useApi<OverviewData>('/api/registry/overview');
  if (o.loading && !o.data) return <Spin />;
  if (o.error) return <Alert type="error" showIcon title={errorText(locale, o.error)} />;
  const d = o.data!;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    <div>
      <Row gutter={[16, 16]}>
        <Col span={6}><Statistic title={t('ov.persons')} value={d.persons} /></Col>
        <Col span={6}><Statistic title={t('ov.households')} value={d.households} /></Col>
        <Col span={6}><Statistic title={t('ov.income')} value={d.incomeRecords} /></Col>
        <Col span={6}><Statistic title={t('ov.property')} value={d.propertyRecords} /></Col>
        <Col span={6}><Statistic title={t('ov.batches')} value={d.batches} /></Col>
        <Col span={6}><Statistic title={t('ov.rejects')} value={d.openRejects} /></Col>
        <Col span={6}><Statistic title={t('ov.review')} value={d.pendingReview} /></Col>
      </Row>
      {d.persons === 0 && <Alert style={{ marginTop: 16 }} type="warning" showIcon title={t('ov.none')} />}
      {d.quality && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          title={t('ov.quality')}
          description={t('ov.quality.text', { rows: d.quality.rows, linked: d.quality.linked, correct: d.quality.correct, p: pct(d.quality.precision), r: pct(d.quality.recall) })}
        />
      )}
    </div>
  );
}

/** 主要指标 cards: value and unit, growth on the year before, 95% CI of estimates, source link, definition tooltip, synthetic tag. */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tag, Tooltip, Typography } from 'antd';
import type { IndicatorDefinition, IndicatorValue } from './api';
import { SourceLink } from './ChartCard';
import { fmtCi, fmtGrowth, fmtValue } from './format';
import { useIndI18n } from './messages';

export function HeadlineCard({ v, def }: { v: IndicatorValue; def: IndicatorDefinition | undefined }) {
  const { t, locale } = useIndI18n();
  const name = def ? (locale === 'en-US' ? def.name.en : def.name.zh) : v.code;
  const better = def?.better ?? 'higher';
  const good = v.growth === null ? null : better === 'higher' ? v.growth >= 0 : v.growth <= 0;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`headline-${v.code}`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {name}{' '}
          {def && (
            <Tooltip title={<span>{def.definition}</span>}>
              <QuestionCircleOutlined aria-label={t('ind.definition')} data-testid={`definition-${v.code}`} />
            </Tooltip>
          )}
        </Typography.Text>
        {v.synthetic && (
          <Tooltip title={t('ind.synthetic.hint')}>
            <Tag color="purple" style={{ marginInlineEnd: 0, fontSize: 11 }}>
              {t('ind.synthetic')}
            </Tag>
          </Tooltip>
        )}
      </div>
      <div style={{ fontSize: 26, fontWeight: 600, lineHeight: '36px', fontVariantNumeric: 'tabular-nums' }}>
        <span data-testid={`headline-value-${v.code}`}>{v.suppressed ? '*' : fmtValue(v.value, def)}</span>
        {def?.unit && def.unit !== '%' && v.value !== null && <span style={{ fontSize: 13, fontWeight: 400, marginInlineStart: 4 }}>{def.unit}</span>}
      </div>
      <div style={{ fontSize: 12, minHeight: 18 }}>
        {v.suppressed ? (
          <Typography.Text type="secondary">{t('ind.suppressed')}</Typography.Text>
        ) : v.value === null ? (
          <Typography.Text type="secondary">{t('ind.noData')}</Typography.Text>
        ) : (
          v.growth !== null && <span style={{ color: good ? '#389e0d' : '#cf1322' }}>{t('ind.growth', { g: fmtGrowth(v.growth) })}</span>
        )}
      </div>
      {v.ci && (
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }} data-testid={`ci-${v.code}`}>
          {t('ind.ci', { lo: fmtValue(v.ci[0], def), hi: fmtValue(v.ci[1], def) })}
        </div>
      )}
      <div style={{ fontSize: 12, marginTop: 2 }} title={fmtCi(v, def)}>
        {t('ind.source')}：<SourceLink source={v.source} />
      </div>
    </Card>
  );
}

export function Headline({ values, defs }: { values: IndicatorValue[]; defs: Map<string, IndicatorDefinition> }) {
  return (
    <Row gutter={[12, 12]} data-testid="headline">
      {values.map((v) => (
        <Col key={v.code} xs={24} sm={12} md={8} xl={6} xxl={6}>
          <HeadlineCard v={v} def={defs.get(v.code)} />
        </Col>
      ))}
    </Row>
  );
}

/** The explanation of one household's calculation: each rule in dependency order, its legal basis, the parameter values used and the amounts. */
import { Card, Collapse, Space, Table, Tag, Typography } from 'antd';
import type { Explanation as ExplanationData, ExplanationStep, ParamValue } from './api';
import { usePolicyI18n, type PolicyKey } from './messages';
import { formatValue } from './params';

const amount = (v: number | number[]) =>
  Array.isArray(v) ? (v.every((x) => x === v[0]) ? `${v[0].toLocaleString('en-US', { maximumFractionDigits: 2 })} × 12` : v.map((x) => x.toLocaleString('en-US', { maximumFractionDigits: 2 })).join(' / ')) : v.toLocaleString('en-US', { maximumFractionDigits: 2 });

export function Explanation({ explanation }: { explanation: ExplanationData }) {
  const { t, lang } = usePolicyI18n();
  const items = explanation.steps.map((s: ExplanationStep) => ({
    key: s.variable,
    label: (
      <Space wrap size={6}>
        <b>{s.label[lang]}</b>
        <code style={{ fontSize: 12 }}>{s.variable}</code>
        {s.programme && <Tag>{s.programme}</Tag>}
        {s.source !== 'formula' && <Tag color="default">{t(`calc.source.${s.source}` as PolicyKey)}</Tag>}
        {s.alternative && <Tag color="purple">{s.alternative}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.values.map((v) => `${v.id}: ${amount(v.value)}`).join('；')}</Typography.Text>
      </Space>
    ),
    children: (
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {s.refs && s.refs.length > 0 && <Typography.Text type="secondary">{t('param.ref')}：{s.refs.join('；')}</Typography.Text>}
        {s.parameters.length > 0 && (
          <Table
            size="small"
            rowKey={(p) => `${p.name}@${p.from}`}
            pagination={false}
            dataSource={s.parameters}
            columns={[
              { title: t('calc.parameters'), key: 'n', render: (p: ExplanationStep['parameters'][number]) => <span>{p.label[lang]} <code style={{ fontSize: 11 }}>{p.name}</code></span> },
              { title: t('param.from'), dataIndex: 'from', width: 110 },
              { title: t('param.value'), key: 'v', render: (p: ExplanationStep['parameters'][number]) => <span>{formatValue(p.value as ParamValue, '', lang)}{p.placeholder && <Tag color="orange" style={{ marginLeft: 4 }}>{t('editor.placeholder')}</Tag>}</span> },
              { title: t('param.ref'), dataIndex: 'ref', render: (ref: string) => <span style={{ fontSize: 12 }}>{ref}</span> },
            ]}
          />
        )}
        <div>
          <b>{t('calc.amounts')}</b>：
          {s.values.map((v) => (
            <div key={v.id} style={{ fontFamily: 'monospace', fontSize: 12 }}>{v.id}: {amount(v.value)}</div>
          ))}
        </div>
        {s.notes.map((n, i) => (
          <Typography.Text key={i} type="secondary" style={{ display: 'block' }}>{n.id}: {n.text}</Typography.Text>
        ))}
      </Space>
    ),
  }));
  return (
    <Card size="small" title={t('calc.explanation')} data-testid="explanation">
      <Collapse size="small" items={items} />
    </Card>
  );
}

/** One parameter: its dated values with legal references (those in force in the year marked), and the change the scenario makes to it. */
import { Alert, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { DatedValue, Override, Parameter } from './api';
import { usePolicyI18n } from './messages';
import { formatValue, kindOf, valuesInForce, wordsOf } from './params';

type Mode = 'none' | 'scale' | 'from';
const modeOf = (o: Override | undefined): Mode => (!o ? 'none' : 'scale' in o ? 'scale' : 'from');

export function ParameterPanel({ param, year, override, onChange }: { param: Parameter; year: number; override?: Override; onChange: (o: Override | undefined) => void }) {
  const { t, lang } = usePolicyI18n();
  const kind = kindOf(param);
  const inForce = new Set(valuesInForce(param, year).map((v) => v.from));
  const current = valuesInForce(param, year).at(-1)?.value ?? null;
  const mode = modeOf(override);
  const from = override && 'values' in override ? override.values[0] : override && 'value' in override ? { from: `${year}-01-01`, value: override.value } : undefined;
  const setFrom = (date: string, value: number | string | boolean | null) => onChange({ values: [{ from: date, value }] });
  const defaultNew = typeof current === 'number' || typeof current === 'string' || typeof current === 'boolean' ? current : 0;

  const valueInput = () => {
    const date = from?.from ?? `${year}-01-01`;
    const value = from?.value ?? defaultNew;
    if (kind === 'boolean') {
      return <Select style={{ width: 100 }} value={value === true} onChange={(v: boolean) => setFrom(date, v)} options={[{ value: true, label: t('param.yes') }, { value: false, label: t('param.no') }]} data-testid="param-new-value" />;
    }
    if (kind === 'string') {
      const words = wordsOf(param);
      return words.length ? (
        <Select style={{ width: 200 }} value={String(value)} onChange={(v: string) => setFrom(date, v)} options={words.map((w) => ({ value: w, label: w }))} data-testid="param-new-value" />
      ) : (
        <Input style={{ width: 200 }} value={String(value)} onChange={(e) => setFrom(date, e.target.value)} data-testid="param-new-value" />
      );
    }
    return <InputNumber style={{ width: 160 }} value={typeof value === 'number' ? value : null} step={param.unit === 'rate' ? 0.01 : 10} onChange={(v) => setFrom(date, v ?? 0)} data-testid="param-new-value" />;
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="parameter-panel">
      <div>
        <Typography.Title level={5} style={{ margin: 0 }}>{param.label[lang]}</Typography.Title>
        <Typography.Text type="secondary" copyable={{ text: param.name }}>
          <code>{param.name}</code>
        </Typography.Text>
        {param.unit && <Typography.Text type="secondary">　{t('param.unit')}：{param.unit}</Typography.Text>}
        {param.description && <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>{param.description}</Typography.Paragraph>}
      </div>
      {param.values.some((v) => v.placeholder) && <Alert type="warning" showIcon title={t('param.placeholderWarn')} />}
      <Table<DatedValue>
        size="small"
        rowKey="from"
        pagination={false}
        scroll={{ y: 260 }}
        dataSource={[...param.values].reverse()}
        onRow={(v) => ({ style: inForce.has(v.from) ? { background: '#e6f4ff' } : undefined })}
        columns={[
          { title: t('param.from'), dataIndex: 'from', width: 110 },
          {
            title: t('param.value'),
            key: 'value',
            width: 220,
            render: (v: DatedValue) => (
              <Space size={4} wrap>
                <span>{formatValue(v.value, param.unit, lang)}</span>
                {inForce.has(v.from) && <Tag color="blue">{t('param.inForce', { year })}</Tag>}
                {v.placeholder && <Tag color="orange">{t('editor.placeholder')}</Tag>}
              </Space>
            ),
          },
          { title: t('param.ref'), dataIndex: 'ref', render: (ref: string, v: DatedValue) => <span style={{ fontSize: 12 }}>{ref}{v.note ? `（${v.note}）` : ''}</span> },
        ]}
      />
      <Space wrap align="center">
        <span>{t('param.change')}：</span>
        <Radio.Group
          value={mode}
          onChange={(e) => {
            const m = e.target.value as Mode;
            if (m === 'none') onChange(undefined);
            else if (m === 'scale') onChange({ scale: 1.1 });
            else setFrom(`${year}-01-01`, defaultNew);
          }}
          options={[
            { value: 'none', label: t('param.mode.none') },
            ...(kind === 'number' || kind === 'table' ? [{ value: 'scale', label: t('param.mode.scale') }] : []),
            ...(kind !== 'table' ? [{ value: 'from', label: t('param.mode.from') }] : []),
          ]}
          data-testid="param-mode"
        />
      </Space>
      {mode === 'scale' && override && 'scale' in override && (
        <Space wrap>
          <span>{t('param.scale')}</span>
          <InputNumber min={0} max={100} step={0.05} value={override.scale} onChange={(v) => onChange({ scale: v ?? 1 })} data-testid="param-scale" />
          <Typography.Text type="secondary">{t('param.scale.hint')}</Typography.Text>
        </Space>
      )}
      {mode === 'from' && (
        <Space wrap>
          <span>{t('param.fromDate')}</span>
          <Input style={{ width: 130 }} value={from?.from ?? `${year}-01-01`} onChange={(e) => setFrom(e.target.value.trim(), from?.value ?? defaultNew)} data-testid="param-from" />
          <span>{t('param.newValue')}</span>
          {valueInput()}
          {param.unit === 'rate' && <Typography.Text type="secondary">{t('param.rate.hint')}</Typography.Text>}
        </Space>
      )}
      {kind === 'table' && <Typography.Text type="secondary">{t('param.table.note')}</Typography.Text>}
    </Space>
  );
}

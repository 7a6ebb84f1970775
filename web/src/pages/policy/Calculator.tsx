/**
 * 家庭计算器: the members' monthly wage, employee social insurance, special deductions and bonus, the
 * household's area → income tax withheld month by month, the annual tax, 低保 and the explanation of
 * every rule applied (optionally also under the scenario being edited).
 */
import { CalculatorOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Form, InputNumber, Radio, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../i18n';
import { policyApi, reformOf, type CalcRequest, type CalcResponse, type Draft } from './api';
import { Explanation } from './Explanation';
import { usePolicyI18n } from './messages';

interface MemberInput {
  wage?: number | null;
  si?: number | null;
  sd?: number | null;
  bonus?: number | null;
}
export interface CalcForm {
  year: number;
  area: 'urban' | 'rural';
  members: MemberInput[];
  applyReform?: boolean;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const amount = (x: number | undefined) => (x === undefined ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const given = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** The calc request (the `zengshou calc` situation) for the form: members p1, p2, … in one household h1. */
export function situationOf(f: CalcForm, draft?: Draft): CalcRequest {
  const people: Record<string, Record<string, number>> = {};
  f.members.forEach((m, i) => {
    people[`p${i + 1}`] = {
      wage_monthly: given(m.wage) ? m.wage : 0,
      ...(given(m.si) && { social_insurance_employee_monthly: m.si }),
      ...(given(m.sd) && m.sd > 0 && { special_deductions_monthly: m.sd }),
      ...(given(m.bonus) && m.bonus > 0 && { bonus_annual: m.bonus }),
    };
  });
  return {
    year: f.year,
    people,
    households: { h1: { members: Object.keys(people), area: f.area } },
    ...(f.applyReform && draft ? { reform: reformOf({ ...draft, name: draft.name.trim() || 'scenario' }) } : {}),
  };
}

export function Calculator({ draft }: { draft?: Draft }) {
  const { t, locale } = usePolicyI18n();
  const [form] = Form.useForm<CalcForm>();
  const [result, setResult] = useState<CalcResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hasReform = !!draft && Object.keys(draft.parameters).length + Object.keys(draft.formulas).length > 0;

  const submit = async (f: CalcForm) => {
    setError(null);
    setBusy(true);
    try {
      setResult(await policyApi.calc(situationOf(f, hasReform ? draft : undefined)));
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  };

  const rows = result
    ? Object.entries(result.people).flatMap(([id, p]) => [
        ...(result.baseline ? [{ key: `${id}-b`, id, label: `${t('calc.withheld', { id })}（${t('calc.baseline')}）`, months: result.baseline.people[id].iit_withheld_monthly as number[], annual: result.baseline.people[id].iit_annual as number, testid: `${id}-baseline` }] : []),
        { key: id, id, label: result.baseline ? `${t('calc.withheld', { id })}（${t('calc.reform')}）` : t('calc.withheld', { id }), months: p.iit_withheld_monthly as number[], annual: p.iit_annual as number, testid: id },
      ])
    : [];
  const households = result ? Object.entries(result.households) : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="calculator">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('calc.intro')}</Typography.Paragraph>
      <Form<CalcForm> form={form} layout="vertical" initialValues={{ year: 2024, area: 'urban', members: [{ wage: null, si: null, sd: null, bonus: null }] }} onFinish={(f) => void submit(f)}>
        <Space wrap size={24}>
          <Form.Item name="year" label={t('calc.year')}>
            <Select style={{ width: 100 }} options={Array.from({ length: 17 }, (_, i) => 2026 - i).map((y) => ({ value: y, label: String(y) }))} data-testid="calc-year" />
          </Form.Item>
          <Form.Item name="area" label={t('calc.area')}>
            <Radio.Group options={[{ value: 'urban', label: t('calc.urban') }, { value: 'rural', label: t('calc.rural') }]} data-testid="calc-area" />
          </Form.Item>
          {hasReform && (
            <Form.Item name="applyReform" valuePropName="checked" label=" ">
              <Checkbox data-testid="calc-apply-reform">{t('calc.applyReform', { name: draft!.label.zh || draft!.name })}</Checkbox>
            </Form.Item>
          )}
        </Space>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Row key={field.key} gutter={12} align="bottom" data-testid={`calc-member-${i}`}>
                  <Col flex="80px" style={{ paddingBottom: 30 }}><b>{t('calc.member', { n: i + 1 })}</b></Col>
                  <Col flex="180px">
                    <Form.Item name={[field.name, 'wage']} label={t('calc.wage')}>
                      <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} data-testid={`calc-wage-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="220px">
                    <Form.Item name={[field.name, 'si']} label={t('calc.si')}>
                      <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} placeholder={t('calc.si.auto')} data-testid={`calc-si-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="200px">
                    <Form.Item name={[field.name, 'sd']} label={t('calc.sd')}>
                      <InputNumber min={0} max={100_000} style={{ width: '100%' }} data-testid={`calc-sd-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="180px">
                    <Form.Item name={[field.name, 'bonus']} label={t('calc.bonus')}>
                      <InputNumber min={0} max={100_000_000} style={{ width: '100%' }} data-testid={`calc-bonus-${i}`} />
                    </Form.Item>
                  </Col>
                  {fields.length > 1 && (
                    <Col flex="60px" style={{ paddingBottom: 30 }}>
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('calc.removeMember')} onClick={() => remove(field.name)} />
                    </Col>
                  )}
                </Row>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ wage: null, si: null, sd: null, bonus: null })} disabled={fields.length >= 10} data-testid="calc-add">{t('calc.add')}</Button>
                <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={busy} data-testid="calc-submit">{t('calc.submit')}</Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="calc-error" />}
      {result && (
        <>
          <Card size="small">
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 1300 }}
              dataSource={rows}
              data-testid="calc-withheld"
              columns={[
                { title: t('calc.person'), dataIndex: 'label', fixed: 'left', width: 200 },
                ...MONTHS.map((m) => ({
                  title: t('calc.monthN', { n: m }),
                  key: `m${m}`,
                  align: 'right' as const,
                  render: (r: (typeof rows)[number]) => <span data-testid={`withheld-${r.testid}-${m}`}>{amount(r.months[m - 1])}</span>,
                })),
                { title: t('calc.iitAnnual'), key: 'year', align: 'right', fixed: 'right', render: (r: (typeof rows)[number]) => <b data-testid={`iit-annual-${r.testid}`}>{amount(r.annual)}</b> },
              ]}
            />
            <Space wrap size={32} style={{ marginTop: 12 }}>
              {Object.entries(result.people).map(([id, p]) => (
                <span key={id}>
                  {id} {t('calc.settlement')}：<b data-testid={`settlement-${id}`}>{amount(p.iit_settlement_annual as number)}</b>
                </span>
              ))}
            </Space>
          </Card>
          <Card size="small">
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 1300 }}
              data-testid="calc-household"
              dataSource={households.flatMap(([id, h]) => [
                ...(result.baseline ? [{ key: `${id}-b`, label: `${t('calc.dibaoMonthly')}（${t('calc.baseline')}）`, months: result.baseline.households[id].dibao_monthly as number[], disposable: result.baseline.households[id].disposable_income_annual as number, testid: `${id}-baseline` }] : []),
                { key: id, label: result.baseline ? `${t('calc.dibaoMonthly')}（${t('calc.reform')}）` : t('calc.dibaoMonthly'), months: h.dibao_monthly as number[], disposable: h.disposable_income_annual as number, testid: id },
              ])}
              columns={[
                { title: '', dataIndex: 'label', fixed: 'left', width: 200 },
                ...MONTHS.map((m) => ({ title: t('calc.monthN', { n: m }), key: `m${m}`, align: 'right' as const, render: (r: { months: number[]; testid: string }) => <span data-testid={`dibao-${r.testid}-${m}`}>{amount(r.months[m - 1])}</span> })),
                { title: t('calc.disposable'), key: 'd', align: 'right', fixed: 'right', render: (r: { disposable: number; testid: string }) => <b data-testid={`disposable-${r.testid}`}>{amount(r.disposable)}</b> },
              ]}
            />
          </Card>
          <Explanation explanation={result.explanation} />
        </>
      )}
    </Space>
  );
}

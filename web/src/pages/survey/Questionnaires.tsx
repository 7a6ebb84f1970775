/** The yearly questionnaires for what the diary does not cover: housing, durable goods, business accounts. */
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../i18n';
import { surveyApi, type QuestionnaireKind } from './api';
import { useSurveyI18n, type SurveyKey } from './messages';

const DURABLES = ['cars', 'motorcycles', 'fridges', 'washers', 'airConditioners', 'computers', 'mobilePhones', 'televisions'] as const;

function QuestionnaireForm({ householdId, year, kind }: { householdId: number; year: number; kind: QuestionnaireKind }) {
  const { t, locale } = useSurveyI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    surveyApi.questionnaire(householdId, year, kind).then((q) => {
      setVersion(q.version);
      form.setFieldsValue(q.data ?? (kind === 'business' ? { businesses: [] } : kind === 'durables' ? Object.fromEntries(DURABLES.map((k) => [k, 0])) : { tenure: 'owned', areaM2: 0, marketRentYuan: 0, upkeepYuan: 0, heating: 'central', builtYear: null }));
    }).catch((e) => setError(errorText(locale, e)));
  }, [householdId, year, kind, form, locale]);
  async function save() {
    setError(null);
    try {
      const q = await surveyApi.saveQuestionnaire(householdId, year, kind, form.getFieldsValue(true), version);
      setVersion(q.version);
      message.success(t('q.saved'));
    } catch (e) {
      setError(errorText(locale, e)); // the form keeps what was typed
    }
  }
  const num = (name: string | (string | number)[], label: SurveyKey, max = 1e8) => (
    <Form.Item name={name} label={t(label)}>
      <InputNumber min={0} max={max} style={{ width: 180 }} />
    </Form.Item>
  );
  return (
    <Form form={form} layout="vertical" size="small">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {kind === 'housing' && (
        <>
          <Form.Item name="tenure" label={t('q.tenure')}>
            <Select style={{ width: 180 }} options={(['owned', 'rented', 'free', 'other'] as const).map((v) => ({ value: v, label: t(`q.tenure.${v}`) }))} />
          </Form.Item>
          {num('areaM2', 'q.area', 2000)}
          {num('builtYear', 'q.built', 2100)}
          {num('marketRentYuan', 'q.rent', 100000)}
          {num('upkeepYuan', 'q.upkeep', 1000000)}
          <Form.Item name="heating" label={t('q.heating')}>
            <Select style={{ width: 180 }} options={(['central', 'own', 'none'] as const).map((v) => ({ value: v, label: t(`q.heating.${v}`) }))} />
          </Form.Item>
        </>
      )}
      {kind === 'durables' && <Space wrap>{DURABLES.map((k) => <span key={k}>{num(k, `q.${k}` as SurveyKey, 50)}</span>)}</Space>}
      {kind === 'business' && (
        <Form.List name="businesses">
          {(fields, { add }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={{ border: '1px solid #eee', padding: 8, marginBottom: 8 }}>
                  <Space wrap>
                    <Form.Item name={[f.name, 'kind']} label={t('q.kind')} initialValue="farming">
                      <Select style={{ width: 140 }} options={['farming', 'livestock', 'retail', 'catering', 'transport', 'services', 'other'].map((v) => ({ value: v, label: v }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} label={t('q.description')} initialValue="">
                      <Input style={{ width: 240 }} />
                    </Form.Item>
                  </Space>
                  <Form.List name={[f.name, 'assets']} initialValue={[]}>
                    {(assets, a) => (
                      <>
                        {assets.map((x) => (
                          <Space key={x.key} wrap>
                            <Form.Item name={[x.name, 'name']} label={t('q.assetName')}><Input style={{ width: 120 }} /></Form.Item>
                            {num([x.name, 'valueYuan'], 'q.assetValue')}
                            {num([x.name, 'lifeYears'], 'q.assetLife', 50)}
                            {num([x.name, 'acquiredYear'], 'q.assetYear', 2100)}
                          </Space>
                        ))}
                        <Button size="small" onClick={() => a.add({ name: '', valueYuan: 0, lifeYears: 10, acquiredYear: year })}>{t('q.addAsset')}</Button>
                      </>
                    )}
                  </Form.List>
                </div>
              ))}
              <Button size="small" onClick={() => add({ kind: 'farming', description: '', assets: [] })}>{t('q.addBusiness')}</Button>
            </>
          )}
        </Form.List>
      )}
      <Button type="primary" onClick={() => void save()} style={{ marginTop: 12 }}>{t('settings.save')}</Button>
    </Form>
  );
}

export function Questionnaires({ householdId, year }: { householdId: number; year: number }) {
  const { t } = useSurveyI18n();
  return <Tabs size="small" items={(['housing', 'durables', 'business'] as const).map((k) => ({ key: k, label: t(`q.${k}`), children: <QuestionnaireForm householdId={householdId} year={year} kind={k} /> }))} />;
}

/**
 * 改革方案: choose the year and population size, start from a shipped or saved reform or a blank one,
 * pick parameters from the tree (each with its dated values and legal references) and change them,
 * save the scenario, run it.
 */
import { DeleteOutlined, PlayCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Progress, Row, Select, Space, Table, Tag, Tree, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../../api/useApi';
import { useMe } from '../../session/SessionContext';
import { errorText } from '../../i18n';
import { DEFAULT_SCALE, draftOf, draftOfShipped, emptyDraft, policyApi, reformOf, SCALES, YEARS, type Draft, type Override, type Programme, type Scenario, type ShippedReform, type SimulateResult } from './api';
import { usePolicyI18n } from './messages';
import { ParameterPanel } from './ParameterPanel';
import { describeOverride, findParameter, parameterTree, type TreeNode } from './params';

export interface ScenarioState {
  year: number;
  scale: number;
  draft: Draft;
  /** the saved scenario being edited */
  scenarioId: number | null;
  /** population: the demo city (default) or the income and property registry (users with registry.read) */
  data?: 'demo' | 'registry';
}

export const initialScenario = (): ScenarioState => ({ year: YEARS.to, scale: DEFAULT_SCALE, draft: emptyDraft(), scenarioId: null });

/** Residents of the demo city at scale 1 (2020 census). */
const CITY = 1_604_580;

export function ScenarioEditor({ state, onState, onDone }: { state: ScenarioState; onState: (s: ScenarioState) => void; onDone: (r: SimulateResult) => void }) {
  const { t, locale, lang } = usePolicyI18n();
  const { message, modal } = App.useApp();
  const params = useApi<{ programmes: Programme[] }>('/api/microsim/parameters');
  const shipped = useApi<ShippedReform[]>('/api/microsim/reforms');
  const saved = useApi<Scenario[]>('/api/microsim/scenarios');
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<{ started: number; ready: boolean } | null>(null);
  const [now, setNow] = useState(Date.now());
  const [lastMs, setLastMs] = useState<number | null>(null);
  const { year, scale, draft } = state;
  const canRegistry = useMe().permissions.includes('registry.read' as never);
  const data = canRegistry ? (state.data ?? 'demo') : 'demo';
  const programmes = params.data?.programmes ?? [];
  const tree = useMemo(() => parameterTree(programmes, lang, filter), [programmes, lang, filter]);
  const param = selected ? findParameter(programmes, selected) : undefined;
  const set = (change: Partial<ScenarioState>) => onState({ ...state, ...change });
  const setDraft = (change: Partial<Draft>) => set({ draft: { ...draft, ...change } });
  const readyRef = useRef(false);

  // have the server generate the population of this year and size while the analyst edits
  useEffect(() => {
    readyRef.current = false;
    policyApi.prepare(year, scale).then((r) => (readyRef.current = r.ready), () => undefined);
  }, [year, scale]);
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running]);

  const setOverride = (name: string, o: Override | undefined) => {
    const parameters = { ...draft.parameters };
    if (o) parameters[name] = o;
    else delete parameters[name];
    setDraft({ parameters });
  };

  const run = async () => {
    setError(null);
    const started = Date.now();
    setRunning({ started, ready: readyRef.current });
    setNow(started);
    try {
      const hasReform = draft.name.trim() !== '' || Object.keys(draft.parameters).length > 0;
      const r = await policyApi.simulate({ year, scale, ...(data === 'registry' ? { data } : {}), reform: hasReform ? reformOf({ ...draft, name: draft.name.trim() || 'scenario' }) : null });
      readyRef.current = true;
      setLastMs(Date.now() - started);
      onDone(r);
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setRunning(null);
    }
  };

  const save = async (asNew: boolean) => {
    setError(null);
    if (!draft.name.trim()) return setError(t('editor.needName'));
    try {
      const { id } = await policyApi.saveScenario(asNew ? null : state.scenarioId, { year, scale, reform: reformOf(draft) });
      set({ scenarioId: id });
      saved.reload();
      message.success(t('editor.saved.ok'));
    } catch (e) {
      setError(errorText(locale, e));
    }
  };

  const remove = () =>
    modal.confirm({
      title: t('editor.delete'),
      content: draft.label.zh || draft.name,
      onOk: async () => {
        try {
          await policyApi.deleteScenario(state.scenarioId!);
          set({ scenarioId: null });
          saved.reload();
          message.success(t('editor.deleted.ok'));
        } catch (e) {
          setError(errorText(locale, e));
        }
      },
    });

  const mine = saved.data?.find((s) => s.id === state.scenarioId)?.mine ?? false;
  const overrides = Object.entries(draft.parameters);
  const elapsed = running ? (now - running.started) / 1000 : 0;
  // an estimate for the bar: a generated population takes ~3 s per 5% of the city, a run under a second
  const expected = running ? (running.ready ? 1 : 1 + 60 * scale) : 1;
  const persons = data === 'registry' ? t('editor.data.registry') : Math.round(CITY * scale).toLocaleString('en-US');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="scenario-editor">
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} data-testid="editor-error" />}
      <Space wrap>
        <span>{t('editor.year')}</span>
        <Select style={{ width: 100 }} value={year} onChange={(y: number) => set({ year: y })} options={Array.from({ length: YEARS.to - YEARS.from + 1 }, (_, i) => YEARS.to - i).map((y) => ({ value: y, label: String(y) }))} data-testid="year-select" />
        {canRegistry && (
          <>
            <span>{t('editor.data')}</span>
            <Select
              style={{ width: 190 }}
              value={data}
              onChange={(d: 'demo' | 'registry') => set({ data: d })}
              options={[{ value: 'demo', label: t('editor.data.demo') }, { value: 'registry', label: t('editor.data.registry') }]}
              data-testid="data-select"
            />
          </>
        )}
        <span>{t('editor.scale')}</span>
        <Select
          style={{ width: 190 }}
          disabled={data === 'registry'}
          value={scale}
          onChange={(s: number) => set({ scale: s })}
          options={SCALES.map((s) => ({ value: s, label: t('editor.scale.option', { pct: s * 100, n: Math.round((CITY * s) / 1e4) }) }))}
          data-testid="scale-select"
        />
        <Select<string>
          style={{ width: 240 }}
          placeholder={t('editor.shipped')}
          value={null as unknown as string}
          loading={shipped.loading}
          onChange={(name) => {
            const r = shipped.data?.find((x) => x.name === name);
            if (r) onState({ ...state, draft: draftOfShipped(r), scenarioId: null });
          }}
          options={(shipped.data ?? []).map((r) => ({ value: r.name, label: r.label[lang] }))}
          data-testid="shipped-reform"
        />
        <Select<number>
          style={{ width: 240 }}
          placeholder={t('editor.saved')}
          value={state.scenarioId ?? (null as unknown as number)}
          loading={saved.loading}
          onChange={(id) => {
            const s = saved.data?.find((x) => x.id === id);
            if (s) onState({ year: s.year, scale: s.scale, draft: draftOf(s.reform), scenarioId: s.id });
          }}
          options={(saved.data ?? []).map((s) => ({ value: s.id, label: t('editor.savedBy', { name: s.name, by: s.createdBy ?? '' }) }))}
          data-testid="saved-scenario"
        />
        <Button icon={<PlusOutlined />} onClick={() => onState({ ...state, draft: emptyDraft(), scenarioId: null })}>{t('editor.new')}</Button>
      </Space>

      <Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item label={t('editor.name')} style={{ marginBottom: 8 }}>
              <Input value={draft.name} onChange={(e) => setDraft({ name: e.target.value })} placeholder={t('editor.name.placeholder')} data-testid="draft-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label={t('editor.label.zh')} style={{ marginBottom: 8 }}>
              <Input value={draft.label.zh} onChange={(e) => setDraft({ label: { ...draft.label, zh: e.target.value } })} data-testid="draft-label" />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label={t('editor.label.en')} style={{ marginBottom: 8 }}>
              <Input value={draft.label.en} onChange={(e) => setDraft({ label: { ...draft.label, en: e.target.value } })} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('editor.description')} style={{ marginBottom: 0 }}>
              <Input.TextArea value={draft.description} onChange={(e) => setDraft({ description: e.target.value })} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>

      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('editor.parameters')} styles={{ body: { maxHeight: 520, overflow: 'auto' } }}>
            <Input.Search allowClear placeholder={t('editor.search')} onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: 8 }} data-testid="param-search" />
            {params.error && <Alert type="error" showIcon title={errorText(locale, params.error)} />}
            <Tree<TreeNode>
              treeData={tree}
              defaultExpandAll
              key={`${filter}|${programmes.length}`}
              selectedKeys={selected ? [selected] : []}
              onSelect={(_, info) => info.node.parameter && setSelected(info.node.key)}
              titleRender={(n) =>
                n.parameter ? (
                  <span data-testid={`param-${n.key}`}>
                    {n.title}
                    {draft.parameters[n.key] && <Tag color="blue" style={{ marginLeft: 4 }}>{t('editor.changed')}</Tag>}
                    {n.parameter.values.some((v) => v.placeholder) && <Tag color="orange" style={{ marginLeft: 4 }}>{t('editor.placeholder')}</Tag>}
                  </span>
                ) : (
                  <b>{n.title}</b>
                )
              }
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small">
            {param ? <ParameterPanel key={param.name} param={param} year={year} override={draft.parameters[param.name]} onChange={(o) => setOverride(param.name, o)} /> : <Empty description={t('editor.pick')} />}
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('editor.overrides', { n: overrides.length })}>
        {overrides.length === 0 ? (
          <Typography.Text type="secondary">{t('editor.overrides.none')}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey={(r) => r[0]}
            pagination={false}
            dataSource={overrides}
            data-testid="overrides"
            columns={[
              { title: t('param.name'), key: 'name', render: (_, [name]) => <a onClick={() => setSelected(name)}>{findParameter(programmes, name)?.label[lang] ?? name} <code style={{ fontSize: 12 }}>{name}</code></a> },
              { title: t('param.change'), key: 'what', render: (_, [name, o]) => describeOverride(o, findParameter(programmes, name), lang) },
              { title: '', key: 'x', width: 80, render: (_, [name]) => <Button size="small" type="link" danger onClick={() => setOverride(name, undefined)}>{t('editor.remove')}</Button> },
            ]}
          />
        )}
        {Object.keys(draft.formulas).length > 0 && (
          <div style={{ marginTop: 8 }}>
            {t('editor.formulas')}：{Object.entries(draft.formulas).map(([v, alt]) => <Tag key={v} closable onClose={() => { const f = { ...draft.formulas }; delete f[v]; setDraft({ formulas: f }); }}>{v} → {alt}</Tag>)}
          </div>
        )}
      </Card>

      <Space wrap align="center">
        <Button type="primary" size="large" icon={<PlayCircleOutlined />} loading={!!running} onClick={() => void run()} data-testid="run">
          {t('editor.run')}
        </Button>
        <Button icon={<SaveOutlined />} onClick={() => void save(!mine)} data-testid="save-scenario">{mine ? t('editor.save') : t('editor.saveAs')}</Button>
        {mine && <Button icon={<SaveOutlined />} onClick={() => void save(true)}>{t('editor.saveAs')}</Button>}
        {mine && <Button danger icon={<DeleteOutlined />} onClick={remove}>{t('editor.delete')}</Button>}
        {!running && lastMs !== null && <Typography.Text type="secondary">{t('editor.done', { s: (lastMs / 1000).toFixed(1) })}</Typography.Text>}
      </Space>
      {running && (
        <div data-testid="run-progress" style={{ maxWidth: 640 }}>
          <Progress percent={Math.min(95, Math.round(100 * (1 - Math.exp(-elapsed / expected))))} status="active" showInfo={false} />
          <Typography.Text type="secondary">
            {t('editor.running', { persons, stage: t(running.ready || elapsed > expected - 1 ? 'editor.stage.run' : data === 'registry' ? 'editor.stage.registry' : 'editor.stage.prepare'), s: Math.floor(elapsed) })}
          </Typography.Text>
        </div>
      )}
    </Space>
  );
}

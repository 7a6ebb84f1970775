/**
 * 政策评估: the scenario editor, the impact dashboard of the last run (or a stored one), the household
 * calculator (optionally under the scenario being edited) and the list of stored runs. The tab and the
 * opened run live in the URL (?tab=…&run=ID) so a result can be linked.
 */
import { Alert, Button, Card, Empty, Spin, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { policyApi, type ReformResults, type RunSummary } from './api';
import { Calculator } from './Calculator';
import { Dashboard } from './Dashboard';
import { bigMoney } from './format';
import { usePolicyI18n } from './messages';
import { initialScenario, ScenarioEditor, type ScenarioState } from './ScenarioEditor';

type Tab = 'scenario' | 'results' | 'calculator' | 'runs';
const TABS: Tab[] = ['scenario', 'results', 'calculator', 'runs'];

export default function PolicyPage() {
  const { t, locale, lang } = usePolicyI18n();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab') as Tab | null;
  const tab: Tab = wanted && TABS.includes(wanted) ? wanted : 'scenario';
  const runParam = Number(params.get('run')) || null;
  const [scenario, setScenario] = useState<ScenarioState>(initialScenario);
  const [shown, setShown] = useState<{ runId: number; results: ReformResults } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const runs = useApi<RunSummary[]>(tab === 'runs' ? '/api/microsim/runs' : null);

  const go = useCallback(
    (next: Tab, run?: number) =>
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        p.set('tab', next);
        if (run !== undefined) p.set('run', String(run));
        return p;
      }),
    [setParams],
  );

  // a stored run named in the URL (opened from 运行记录 or a shared link)
  useEffect(() => {
    if (runParam === null || shown?.runId === runParam) return;
    setLoadError(null);
    policyApi.run(runParam).then(
      (r) => setShown({ runId: r.run.id, results: r.results }),
      (e) => setLoadError(errorText(locale, e)),
    );
  }, [runParam, shown?.runId, locale]);

  const results =
    tab !== 'results' ? null : shown ? (
      <Dashboard results={shown.results} runId={shown.runId} onEdit={() => go('scenario')} />
    ) : runParam !== null && !loadError ? (
      <Spin style={{ display: 'block', marginTop: 40 }} />
    ) : (
      <Empty description={t('results.none')} />
    );

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('policy.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('policy.intro')}</Typography.Paragraph>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => go(k as Tab)}
        destroyOnHidden={false}
        items={[
          {
            key: 'scenario',
            label: <span data-testid="tab-scenario">{t('tab.scenario')}</span>,
            children: (
              <ScenarioEditor
                state={scenario}
                onState={setScenario}
                onDone={(r) => {
                  setShown({ runId: r.runId, results: r });
                  go('results', r.runId);
                }}
              />
            ),
          },
          { key: 'results', label: <span data-testid="tab-results">{t('tab.results')}</span>, children: results },
          { key: 'calculator', label: <span data-testid="tab-calculator">{t('tab.calculator')}</span>, children: <Calculator draft={scenario.draft} /> },
          {
            key: 'runs',
            label: <span data-testid="tab-runs">{t('tab.runs')}</span>,
            children: (
              <>
                {runs.error && <Alert type="error" showIcon title={errorText(locale, runs.error)} />}
                <Table<RunSummary>
                  size="small"
                  rowKey="id"
                  loading={runs.loading}
                  dataSource={runs.data ?? []}
                  data-testid="runs-table"
                  columns={[
                    { title: 'ID', dataIndex: 'id', width: 70 },
                    { title: t('runs.when'), key: 'w', render: (r: RunSummary) => new Date(r.createdAt).toLocaleString(locale) },
                    { title: t('runs.who'), dataIndex: 'username' },
                    { title: t('editor.year'), dataIndex: 'year', width: 80 },
                    { title: t('editor.scale'), key: 's', width: 90, render: (r: RunSummary) => `${Math.round(r.scale * 1000) / 10}%` },
                    { title: t('runs.reform'), key: 'r', render: (r: RunSummary) => r.reformLabel ?? r.reformName ?? t('results.baseline') },
                    { title: t('results.netCost'), key: 'c', align: 'right', render: (r: RunSummary) => bigMoney(r.netCost, lang) },
                    { title: t('runs.elapsed'), key: 'e', align: 'right', render: (r: RunSummary) => `${(r.elapsedMs / 1000).toFixed(1)} s` },
                    {
                      title: '',
                      key: 'o',
                      render: (r: RunSummary) => (
                        <Button size="small" type="link" onClick={() => go('results', r.id)} data-testid={`open-run-${r.id}`}>
                          {t('runs.open')}
                        </Button>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}


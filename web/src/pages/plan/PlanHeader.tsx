/** The plan's header: which plan, its period, red/yellow/green/done counts, import, exports and reminders. */
import { FileExcelOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tooltip, Typography } from 'antd';
import type { PlanSummary, TaskColour } from './api';
import { exportUrls } from './api';
import { labelled, usePlanI18n } from './messages';
import { NotificationBell } from './NotificationBell';
import { COLOURS, COLOUR_STYLE, colourKey } from './status';

interface Props {
  plans: PlanSummary[];
  plan: PlanSummary;
  canSupervise: boolean;
  onSelect: (id: number) => void;
  onImport: () => void;
  onOpenTask: (id: number) => void;
}

function ImportButton({ onClick }: { onClick: () => void }) {
  const { t } = usePlanI18n();
  return (
    <Button type="primary" icon={<UploadOutlined />} onClick={onClick}>
      {t('import.button')}
    </Button>
  );
}

function CountBox({ colour, n }: { colour: TaskColour | 'total'; n: number }) {
  const { t } = usePlanI18n();
  const strong = colour === 'total' ? '#262626' : COLOUR_STYLE[colour].strong;
  return (
    <div data-testid={`count-${colour}`} style={{ minWidth: 84, padding: '6px 12px', borderLeft: `4px solid ${strong}`, background: '#fafafa' }}>
      <div style={{ fontSize: 12, color: '#595959' }}>{colour === 'total' ? t('summary.total') : t(colourKey(colour))}</div>
      <div style={{ fontSize: 22, fontWeight: 600, color: strong, fontVariantNumeric: 'tabular-nums' }}>{n}</div>
    </div>
  );
}

export function PlanHeader({ plans, plan, canSupervise, onSelect, onImport, onOpenTask }: Props) {
  const { t, locale } = usePlanI18n();
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <Space orientation="vertical" size={4} style={{ minWidth: 0, flex: '1 1 420px' }}>
          {plans.length > 1 ? (
            <Select
              aria-label={t('plan.select')}
              value={plan.id}
              onChange={onSelect}
              style={{ maxWidth: 640, width: '100%' }}
              options={plans.map((p) => ({ value: p.id, label: [p.title, p.docNumber].filter(Boolean).join('　') }))}
            />
          ) : (
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-title">
              {plan.title}
            </Typography.Title>
          )}
          <Typography.Text type="secondary">
            {[plan.docNumber, plan.issuer, plan.issuedOn].filter(Boolean).join('　')}
          </Typography.Text>
          <Typography.Text type="secondary">
            {labelled(locale, t('plan.period'))}
            {plan.startDate} ~ {plan.endDate}　{labelled(locale, t('plan.periodType'))}
            {t(`plan.periodType.${plan.periodType}`)}
            {plan.warnings.length > 0 && `　${t('plan.warnings', { n: plan.warnings.length })}`}
          </Typography.Text>
        </Space>
        <Space orientation="vertical" align="end" size={12}>
          <Space wrap>
            <NotificationBell canSupervise={canSupervise} onOpenTask={onOpenTask} />
            <Tooltip title={t('export.tip', { name: t('export.taskTable') })}>
              <Button icon={<FileExcelOutlined />} href={exportUrls.taskTable(plan.id)} download>
                {t('export.taskTable')}
              </Button>
            </Tooltip>
            <Tooltip title={t('export.tip', { name: t('export.bulletin') })}>
              <Button icon={<FileWordOutlined />} href={exportUrls.bulletin(plan.id)} download>
                {t('export.bulletin')}
              </Button>
            </Tooltip>
            {canSupervise && <ImportButton onClick={onImport} />}
          </Space>
          <Space size={8} data-testid="plan-counts">
            <CountBox colour="total" n={plan.taskCount} />
            {COLOURS.map((c) => (
              <CountBox key={c} colour={c} n={plan.counts[c]} />
            ))}
          </Space>
        </Space>
      </div>
    </Card>
  );
}

PlanHeader.ImportButton = ImportButton;

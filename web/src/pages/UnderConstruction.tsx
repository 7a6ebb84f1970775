/** Placeholder for a capability whose pages are still being built: says so, and what will come. */
import { ToolOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { useI18n, type MessageKey } from '../i18n';

export type Feature = 'plan' | 'registry' | 'survey' | 'policy' | 'indicators';

const COMING: Record<Feature, MessageKey> = {
  plan: 'coming.plan',
  registry: 'coming.registry',
  survey: 'coming.survey',
  policy: 'coming.policy',
  indicators: 'coming.indicators',
};

const TITLES: Record<Feature, MessageKey> = {
  plan: 'nav.plan',
  registry: 'nav.registry',
  survey: 'nav.survey',
  policy: 'nav.policy',
  indicators: 'nav.indicators',
};

export default function UnderConstruction({ feature }: { feature: Feature }) {
  const { t } = useI18n();
  return (
    <Card>
      <Result
        icon={<ToolOutlined style={{ color: '#1d4f91' }} />}
        title={t('coming.title', { name: t(TITLES[feature]) })}
        subTitle={t(COMING[feature])}
      />
    </Card>
  );
}

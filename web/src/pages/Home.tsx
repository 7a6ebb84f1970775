/** Welcome page: who the user is, which area their data access covers, and where they can go. */
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../src/shared/roles';
import { useI18n, type MessageKey } from '../i18n';
import { visibleNav } from '../routes';
import { useMe } from '../session/SessionContext';

const LEVEL_KEYS: Record<string, MessageKey> = {
  province: 'region.level.province',
  prefecture: 'region.level.prefecture',
  county: 'region.level.county',
  township: 'region.level.township',
  village: 'region.level.village',
};

export default function Home() {
  const me = useMe();
  const { t, locale } = useI18n();
  const entries = visibleNav(me.permissions).flatMap((r) => r.children ?? [r]).filter((r) => r.key !== 'home');
  const levelKey = LEVEL_KEYS[me.region.level];

  return (
    <Row gutter={[24, 24]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('home.welcome', { name: me.displayName })}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('home.intro')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('home.account')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('user.username')}>{me.username}</Descriptions.Item>
            <Descriptions.Item label={t('user.department')}>{me.department?.name ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('user.roles')}>
              {me.roles.map((r) => (
                <Tag key={r}>{locale === 'en-US' ? ROLE_LABELS[r].en : ROLE_LABELS[r].zh}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('home.scope')}>
              {me.region.name}（{me.region.code}
              {levelKey ? ` · ${t(levelKey)}` : ''}）
            </Descriptions.Item>
            <Descriptions.Item label={t('home.twoFactor')}>
              {me.totpEnabled ? <Tag color="green">{t('home.twoFactor.on')}</Tag> : <Tag>{t('home.twoFactor.off')}</Tag>}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('home.scope.note', { region: me.region.name })}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('home.entries')}>
          {entries.length === 0 ? (
            <Typography.Text type="secondary">{t('home.entries.none')}</Typography.Text>
          ) : (
            <Row gutter={[12, 12]}>
              {entries.map((r) => (
                <Col span={12} key={r.key}>
                  <Link to={r.path}>
                    <Card size="small" hoverable>
                      {r.icon} <span style={{ marginLeft: 8 }}>{t(r.label)}</span>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          )}
        </Card>
      </Col>
    </Row>
  );
}

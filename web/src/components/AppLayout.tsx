/** The platform shell: side navigation filtered by permission, a header with the user and language, the page. */
import { EnvironmentOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Spin, Tag, Tooltip, Typography, theme, type MenuProps } from 'antd';
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../src/shared/roles';
import { useI18n } from '../i18n';
import { routeForPath, visibleNav, type AppRoute } from '../routes';
import { useMe, useSession } from '../session/SessionContext';
import { IdleWarning } from './IdleWarning';
import { LocaleSwitch } from './LocaleSwitch';

const { Header, Sider, Content, Footer } = Layout;

type MenuItem = Required<MenuProps>['items'][number];

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useSession();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  const nav = useMemo(() => visibleNav(me.permissions), [me.permissions]);
  const items = useMemo(() => {
    const toItem = (r: AppRoute): MenuItem =>
      r.children
        ? { key: r.key, icon: r.icon, label: t(r.label), children: r.children.map(toItem) }
        : { key: r.key, icon: r.icon, label: t(r.label) };
    return nav.map(toItem);
  }, [nav, t]);

  const current = routeForPath(location.pathname, nav);
  const parentKey = current?.key.includes('.') ? current.key.split('.')[0] : undefined;
  const [openKeys, setOpenKeys] = useState<string[]>(parentKey ? [parentKey] : []);

  const byKey = useMemo(() => {
    const m = new Map<string, AppRoute>();
    const walk = (rs: AppRoute[]) => rs.forEach((r) => (m.set(r.key, r), r.children && walk(r.children)));
    walk(nav);
    return m;
  }, [nav]);

  const roleNames = me.roles.map((r) => (locale === 'en-US' ? ROLE_LABELS[r].en : ROLE_LABELS[r].zh));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={256} theme="dark">
        <div style={{ height: 64, display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8, color: '#fff' }}>
          <span style={{ fontSize: collapsed && locale === 'en-US' ? 13 : 22, fontWeight: 700, letterSpacing: locale === 'en-US' ? 0 : 2 }}>
            {t('app.short')}
          </span>
          {!collapsed && locale !== 'en-US' && <span style={{ fontSize: 13, opacity: 0.75 }}>{t('app.subtitle')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          aria-label={t('nav.label')}
          data-testid="main-nav"
          items={items}
          selectedKeys={current ? [current.key] : []}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
          onClick={({ key }) => {
            const r = byKey.get(key);
            if (r) navigate(r.path);
          }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            {current ? t(current.label) : t('app.title')}
          </Typography.Title>
          <Space size="middle" wrap={false}>
            <Tooltip title={t('header.scope')}>
              <Tag icon={<EnvironmentOutlined />} color="blue" data-testid="user-region">
                {me.region.name}
              </Tag>
            </Tooltip>
            <Dropdown
              menu={{
                items: [{ key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') }],
                onClick: () => navigate('/account/password'),
              }}
            >
              <Space size={4} style={{ cursor: 'pointer' }} data-testid="user-name">
                <UserOutlined />
                <span>{me.displayName}</span>
              </Space>
            </Dropdown>
            <Typography.Text type="secondary" data-testid="user-roles">
              {roleNames.join(locale === 'en-US' ? ', ' : '、')}
            </Typography.Text>
            <LocaleSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
              {t('header.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>{children}</Suspense>
        </Content>
        <Footer style={{ textAlign: 'center', color: token.colorTextSecondary, padding: '12px 24px' }}>
          {t('app.footer')}
        </Footer>
      </Layout>
      <IdleWarning minutes={me.idleTimeoutMinutes} />
    </Layout>
  );
}

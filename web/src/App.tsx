/** Providers, the authentication gate and the router. Pages come from the table in routes.tsx. */
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { I18nProvider, useI18n } from './i18n';
import { NAV, allowed, pageRoutes, visibleNav, type AppRoute } from './routes';
import { SessionProvider, useMe, useSession, type InitialSession } from './session/SessionContext';

const loadLogin = () => import('./pages/Login');
const Login = lazy(loadLogin);
const TotpEnrol = lazy(() => import('./pages/TotpEnrol'));
const ChangePassword = lazy(() => import('./pages/ChangePassword'));

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif";

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'en-US' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === 'en-US' ? enUS : zhCN}
      theme={{ zeroRuntime: true, token: { colorPrimary: '#1d4f91', borderRadius: 4, fontFamily: FONT } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

const pageSpin = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;

function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title={t('page.forbidden.title')} subTitle={t('page.forbidden.body')} />;
}

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title={t('page.notFound.title')} subTitle={t('page.notFound.body')} />;
}

function Guarded({ route }: { route: AppRoute }) {
  const me = useMe();
  const perms = new Set<string>(me.permissions);
  const parent = NAV.find((g) => g.children?.includes(route));
  if (!allowed(route, perms) || (parent && !allowed(parent, perms))) return <Forbidden />;
  return <>{route.element}</>;
}

function Shell() {
  const me = useMe();
  const firstAdmin = visibleNav(me.permissions).find((r) => r.key === 'admin')?.children?.[0];
  return (
    <AppLayout>
      <Routes>
        {pageRoutes().map((r) => (
          // A page may hold its own nested <Routes> (e.g. /plan/tasks/12), hence the splat.
          <Route key={r.key} path={r.path === '/' ? '/' : `${r.path}/*`} element={<Guarded route={r} />} />
        ))}
        <Route path="/admin" element={firstAdmin ? <Navigate to={firstAdmin.path} replace /> : <Forbidden />} />
        <Route path="/account/password" element={<ChangePassword />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AppLayout>
  );
}

function AppRoutes() {
  const { status, gate, notice } = useSession();
  const location = useLocation();
  useEffect(() => {
    // Fetch the login page ahead, so an expired session shows it at once; later, not while the first page loads.
    if (status !== 'authenticated') return;
    const timer = setTimeout(() => void loadLogin(), 5_000);
    return () => clearTimeout(timer);
  }, [status]);
  if (status === 'loading') return pageSpin;
  const from = (location.state as { from?: string } | null)?.from;
  const keepFrom = notice?.code !== 'LOGGED_OUT' && location.pathname !== '/login';
  return (
    <Suspense fallback={pageSpin}>
      <Routes>
        <Route path="/login" element={status === 'authenticated' ? <Navigate to={from ?? '/'} replace /> : <Login />} />
        <Route
          path="*"
          element={
            status !== 'authenticated' ? (
              <Navigate to="/login" replace state={keepFrom ? { from: location.pathname + location.search } : null} />
            ) : gate === 'totp' ? (
              <TotpEnrol />
            ) : gate === 'password' ? (
              <ChangePassword forced />
            ) : (
              <Shell />
            )
          }
        />
      </Routes>
    </Suspense>
  );
}

export function App({ initial }: { initial?: InitialSession }) {
  return (
    <I18nProvider initial={initial?.status === 'authenticated' ? initial.me.locale : undefined}>
      <Themed>
        <SessionProvider initial={initial}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </Themed>
    </I18nProvider>
  );
}

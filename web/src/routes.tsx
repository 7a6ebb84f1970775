/**
 * The one table of navigation entries and pages. A capability adds its page with one line here.
 * `anyOf`: the entry is shown when the user holds at least one of these permissions (the server
 * refuses the API calls anyway; this only hides what would fail). No `anyOf`: every signed-in user.
 */
import {
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  FundOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { createElement, lazy, type ComponentType, type ReactNode } from 'react';
import type { Permission } from './api/types';
import type { MessageKey } from './i18n';

/**
 * A page loaded on first use; `load` fetches its code ahead. Once loaded it renders at once: a page that
 * suspends, even on code already fetched, is revealed only after React's Suspense throttle (300 ms).
 */
function page(load: () => Promise<{ default: ComponentType }>): { element: ReactNode; load: () => Promise<unknown> } {
  let loaded: ComponentType | undefined;
  const keep = () => load().then((m) => ((loaded = m.default), m));
  const Lazy = lazy(keep);
  const Page = () => createElement(loaded ?? Lazy);
  return { element: createElement(Page), load: keep };
}

export interface AppRoute {
  /** Stable id, also the menu key. */
  key: string;
  path: string;
  label: MessageKey;
  icon?: ReactNode;
  anyOf?: readonly Permission[];
  element?: ReactNode;
  load?: () => Promise<unknown>;
  children?: AppRoute[];
}

export const NAV: AppRoute[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined />, ...page(() => import('./pages/Home')) },
  { key: 'plan', path: '/plan', label: 'nav.plan', icon: <SolutionOutlined />, anyOf: ['plan.read'], ...page(() => import('./pages/plan/PlanPage')) },
  { key: 'registry', path: '/registry', label: 'nav.registry', icon: <DatabaseOutlined />, anyOf: ['registry.read', 'registry.import'], ...page(() => import('./pages/registry/RegistryPage')) },
  { key: 'survey', path: '/survey', label: 'nav.survey', icon: <FileSearchOutlined />, anyOf: ['survey.read', 'survey.collect', 'survey.diary'], ...page(() => import('./pages/survey/SurveyPage')) },
  { key: 'policy', path: '/policy', label: 'nav.policy', icon: <FundOutlined />, anyOf: ['microsim.run'], ...page(() => import('./pages/policy/PolicyPage')) },
  { key: 'indicators', path: '/indicators', label: 'nav.indicators', icon: <BarChartOutlined />, anyOf: ['indicators.read'], ...page(() => import('./pages/indicators/IndicatorsPage')) },
  {
    key: 'admin',
    path: '/admin',
    label: 'nav.admin',
    icon: <SettingOutlined />,
    children: [
      { key: 'admin.users', path: '/admin/users', label: 'nav.admin.users', icon: <TeamOutlined />, anyOf: ['user.manage'], ...page(() => import('./pages/admin/Users')) },
      { key: 'admin.audit', path: '/admin/audit', label: 'nav.admin.audit', icon: <AuditOutlined />, anyOf: ['audit.read'], ...page(() => import('./pages/admin/Audit')) },
      { key: 'admin.security', path: '/admin/security', label: 'nav.admin.security', icon: <SafetyCertificateOutlined />, anyOf: ['user.manage'], ...page(() => import('./pages/admin/SecuritySettings')) },
      { key: 'admin.directory', path: '/admin/directory', label: 'nav.admin.directory', icon: <ClusterOutlined />, anyOf: ['system.config', 'user.manage'], ...page(() => import('./pages/admin/Directory')) },
    ],
  },
];

export function allowed(route: AppRoute, permissions: ReadonlySet<string>): boolean {
  return !route.anyOf || route.anyOf.some((p) => permissions.has(p));
}

/** The entries this user may see; a group is shown when at least one of its pages is. */
export function visibleNav(permissions: Iterable<string>, nav: AppRoute[] = NAV): AppRoute[] {
  const perms = new Set(permissions);
  const out: AppRoute[] = [];
  for (const r of nav) {
    if (!allowed(r, perms)) continue;
    if (r.children) {
      const children = visibleNav(perms, r.children);
      if (children.length > 0) out.push({ ...r, children });
    } else {
      out.push(r);
    }
  }
  return out;
}

/** Every page in the table, groups flattened, for the router. */
export function pageRoutes(nav: AppRoute[] = NAV): AppRoute[] {
  return nav.flatMap((r) => (r.children ? pageRoutes(r.children) : r.element ? [r] : []));
}

/** The menu entry for a location: the longest path that prefixes it. */
export function routeForPath(pathname: string, nav: AppRoute[] = NAV): AppRoute | undefined {
  let best: AppRoute | undefined;
  for (const r of pageRoutes(nav)) {
    const match = r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(`${r.path}/`);
    if (match && (!best || r.path.length > best.path.length)) best = r;
  }
  return best;
}

/** Fetches the code of the page at this location; resolves when it is there (or failed: the page shows why when it renders). */
export function preloadPage(pathname: string): Promise<void> {
  return Promise.resolve(routeForPath(pathname)?.load?.()).then(
    () => undefined,
    () => undefined,
  );
}

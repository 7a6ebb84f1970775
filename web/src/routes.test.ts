import { describe, expect, it } from 'vitest';
import { ROLES, permissionsOf, type Role } from '../../src/shared/roles';
import { NAV, pageRoutes, routeForPath, visibleNav, type AppRoute } from './routes';

const keys = (nav: AppRoute[]): string[] => nav.flatMap((r) => [r.key, ...(r.children ? keys(r.children) : [])]);
const navFor = (...roles: Role[]) => keys(visibleNav(permissionsOf(roles)));

describe('navigation filtered by permission', () => {
  it('shows the system and security administrator only the registry import and their admin pages', () => {
    expect(navFor('sysadmin', 'secadmin')).toEqual(['home', 'registry', 'admin', 'admin.users', 'admin.security', 'admin.directory']);
  });

  it('shows the auditor the audit log and nothing else', () => {
    expect(navFor('auditor')).toEqual(['home', 'admin', 'admin.audit']);
  });

  it('shows an enumerator only the survey, and no empty admin group', () => {
    expect(navFor('enumerator')).toEqual(['home', 'survey']);
  });

  it('shows a department liaison the plan and the indicators', () => {
    expect(navFor('liaison')).toEqual(['home', 'plan', 'indicators']);
  });

  it('shows all six top-level entries to a user holding every role', () => {
    const top = visibleNav(permissionsOf(ROLES)).map((r) => r.key);
    expect(top).toEqual(['home', 'plan', 'registry', 'survey', 'policy', 'indicators', 'admin']);
  });

  it('shows only the home page to a user without permissions', () => {
    expect(navFor()).toEqual(['home']);
  });
});

describe('route table', () => {
  it('gives every page a distinct path', () => {
    const paths = pageRoutes().map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/admin/audit');
  });

  it('finds the entry for a location by its longest matching path', () => {
    expect(routeForPath('/')?.key).toBe('home');
    expect(routeForPath('/admin/users')?.key).toBe('admin.users');
    expect(routeForPath('/plan/tasks/12')?.key).toBe('plan');
    expect(routeForPath('/planning')).toBeUndefined();
    expect(routeForPath('/nowhere', NAV)).toBeUndefined();
  });
});

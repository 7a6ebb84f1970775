/**
 * Roles and what each may do. 三员分立: the system administrator runs the system, the security
 * administrator manages accounts and rights, the auditor only reads the audit trail. The server
 * checks permissions on every route; the web app uses the same table only to hide what it would refuse.
 */
export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'supervisor', 'liaison', 'analyst', 'enumerator', 'household'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '安全审计员', en: 'Auditor' },
  supervisor: { zh: '督查人员', en: 'Supervisor' },
  liaison: { zh: '部门联络员', en: 'Department liaison' },
  analyst: { zh: '统计分析人员', en: 'Analyst' },
  enumerator: { zh: '调查员', en: 'Enumerator' },
  household: { zh: '记账户', en: 'Survey household' },
};

export const PERMISSIONS = [
  'system.config', // regions, departments, settings
  'user.manage', // accounts, roles, unlock, reset
  'audit.read',
  'plan.read',
  'plan.supervise',
  'plan.report',
  'registry.read',
  'registry.import',
  'registry.unmask',
  'registry.link',
  'survey.read',
  'survey.collect',
  'survey.review',
  'survey.diary', // the diary-keeping household: its own household only (checked by the survey service)
  'microsim.run',
  'indicators.read',
  'indicators.enter',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sysadmin: ['system.config', 'registry.import'],
  secadmin: ['user.manage'],
  auditor: ['audit.read'],
  supervisor: ['plan.read', 'plan.supervise', 'indicators.read', 'indicators.enter'],
  liaison: ['plan.read', 'plan.report', 'indicators.read', 'indicators.enter'],
  analyst: ['plan.read', 'registry.read', 'registry.unmask', 'registry.link', 'survey.read', 'survey.review', 'microsim.run', 'indicators.read'],
  enumerator: ['survey.read', 'survey.collect'],
  household: ['survey.diary'],
};

/** Roles that must enrol TOTP two-factor login before doing anything else. */
export const TWO_FACTOR_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r] ?? []) out.add(p);
  return out;
}

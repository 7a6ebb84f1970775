/** Readable names for audit actions. Actions not listed here are shown by their code. */
import type { Locale } from '../../api/types';

const ACTIONS: Record<string, [zh: string, en: string]> = {
  'auth.login': ['登录', 'Sign-in'],
  'auth.logout': ['退出登录', 'Sign-out'],
  'auth.lockout': ['账号锁定', 'Account locked'],
  'auth.password_change': ['修改密码', 'Password change'],
  'auth.totp_enable': ['启用动态口令', 'Two-factor enrolment'],
  'user.create': ['新建用户', 'Account created'],
  'user.update': ['修改用户', 'Account changed'],
  'user.reset_password': ['重置密码', 'Password reset'],
  'user.reset_totp': ['重置动态口令', 'Two-factor reset'],
  'user.unlock': ['解除锁定', 'Account unlocked'],
  'settings.security_update': ['修改安全策略', 'Security settings changed'],
  'audit.verify': ['校验审计日志', 'Audit chain verified'],
  'audit.export': ['导出审计日志', 'Audit trail exported'],
};

export function actionLabel(action: string, locale: Locale): string {
  const a = ACTIONS[action];
  return a ? (locale === 'en-US' ? a[1] : a[0]) : action;
}

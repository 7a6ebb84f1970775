import { permissionsOf, type Permission, type Role } from '../../shared/roles.js';

export function hasPermissionIn(u: { roles: readonly Role[] }, p: Permission): boolean {
  return permissionsOf(u.roles).has(p);
}

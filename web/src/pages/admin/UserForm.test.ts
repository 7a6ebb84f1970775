import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../api/types';
import { changes } from './UserForm';

const user: UserSummary = {
  id: 5,
  username: 'demo.liaison',
  displayName: '演示联络员',
  departmentId: 2,
  departmentName: '市财政局',
  regionCode: '211002',
  regionName: '白塔区',
  roles: ['liaison', 'analyst'],
  disabled: false,
  totpEnabled: false,
  locked: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const same = { username: user.username, displayName: user.displayName, departmentId: 2, regionCode: '211002', roles: user.roles };

describe('user edit patch', () => {
  it('is empty when nothing changed, even with the roles in another order', () => {
    expect(changes(user, { ...same, roles: ['analyst', 'liaison'] })).toEqual({});
  });

  it('carries only the changed fields', () => {
    expect(changes(user, { ...same, displayName: ' 演示联络员甲 ', departmentId: undefined })).toEqual({
      displayName: '演示联络员甲',
      departmentId: null,
    });
    expect(changes(user, { ...same, regionCode: '211021', roles: ['liaison'] })).toEqual({ regionCode: '211021', roles: ['liaison'] });
  });
});

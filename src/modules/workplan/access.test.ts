import { describe, expect, it } from 'vitest';
import { isCityWide, roleInTask, viewerDepartments } from './access.js';

const dir = [
  { id: 1, code: 'hrss', kind: 'department', regionCode: '211000' },
  { id: 2, code: 'counties_all', kind: 'county_government', regionCode: '211000' },
  { id: 3, code: 'gov_baita', kind: 'county_government', regionCode: '211002' },
  { id: 4, code: 'gov_dengta', kind: 'county_government', regionCode: '211081' },
];

describe('task visibility', () => {
  it('gives city supervisors and analysts the whole plan', () => {
    expect(isCityWide({ roles: ['supervisor'], regionCode: '211000', departmentId: null })).toBe(true);
    expect(isCityWide({ roles: ['supervisor'], regionCode: '211002', departmentId: null })).toBe(false);
    expect(isCityWide({ roles: ['enumerator'], regionCode: '211000', departmentId: null })).toBe(false);
    expect(isCityWide({ roles: ['liaison'], regionCode: '211000', departmentId: 1 })).toBe(false);
    expect(isCityWide({ roles: ['analyst'], regionCode: '211000', departmentId: null })).toBe(true);
  });
  it('gives a county user its own government and the catch-all, not another county', () => {
    expect([...viewerDepartments({ roles: ['liaison'], regionCode: '211002', departmentId: null }, dir)].sort()).toEqual([2, 3]);
    expect([...viewerDepartments({ roles: ['liaison'], regionCode: '211002016', departmentId: null }, dir)].sort()).toEqual([2, 3]);
    expect([...viewerDepartments({ roles: ['liaison'], regionCode: '211000', departmentId: 1 }, dir)]).toEqual([1]);
  });
  it('takes the strongest role', () => {
    const units = [
      { role: 'cooperating', department_id: 1 },
      { role: 'lead', department_id: 1 },
      { role: 'lead', department_id: 3 },
    ];
    expect(roleInTask(units, new Set([1]))).toBe('lead');
    expect(roleInTask(units.slice(0, 1), new Set([1]))).toBe('cooperating');
    expect(roleInTask(units, new Set([4]))).toBeNull();
  });
});

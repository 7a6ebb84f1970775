import { regionPrefix } from '../../shared/region-scope.js';
import { permissionsOf, type Role } from '../../shared/roles.js';

/**
 * Who sees which supervised tasks. City-wide readers (supervisors, and readers without a department, at
 * city scope) see every task;
 * everyone else sees the tasks that name their department, or — for county users — their county's
 * government (and the catch-all 各县(市)区政府, which names every county).
 */
export interface Viewer {
  roles: Role[];
  regionCode: string;
  departmentId: number | null;
}

export interface DirectoryEntry {
  id: number;
  code: string;
  kind: string;
  regionCode: string;
}

export function isCityWide(v: Viewer): boolean {
  if (regionPrefix(v.regionCode).length > 4) return false;
  const perms = permissionsOf(v.roles);
  // A department's liaison sees that department's tasks; the supervision office and city analysts see all.
  return perms.has('plan.supervise') || (perms.has('plan.read') && v.departmentId == null);
}

/** Department ids whose tasks the viewer takes part in (empty for a city-wide viewer without department). */
export function viewerDepartments(v: Viewer, directory: readonly DirectoryEntry[]): Set<number> {
  const out = new Set<number>();
  if (v.departmentId != null) out.add(v.departmentId);
  const prefix = regionPrefix(v.regionCode);
  if (prefix.length >= 6) {
    const county = prefix.slice(0, 6);
    for (const d of directory) {
      if (d.kind !== 'county_government') continue;
      if (d.regionCode === county || regionPrefix(d.regionCode).length <= 4) out.add(d.id);
    }
  }
  return out;
}

const ROLE_ORDER = { lead: 0, responsible: 1, cooperating: 2 } as const;

/** The strongest part the viewer's departments play in a task, or null. */
export function roleInTask(units: readonly { role: string; department_id: number | null }[], mine: Set<number>): 'lead' | 'responsible' | 'cooperating' | null {
  let best: 'lead' | 'responsible' | 'cooperating' | null = null;
  for (const u of units) {
    if (u.department_id == null || !mine.has(u.department_id)) continue;
    const r = u.role as keyof typeof ROLE_ORDER;
    if (best === null || ROLE_ORDER[r] < ROLE_ORDER[best]) best = r;
  }
  return best;
}

import type { DbHandle } from '../../db/connect.js';
import type { Department } from '../../shared/api/directory.js';
import { DepartmentsRepository, type DepartmentRow } from './departments.repository.js';

export interface DepartmentSeedLike {
  code: string;
  name: string;
  aliases: readonly string[];
  kind: string;
  regionCode: string;
}

export function toDepartment(r: DepartmentRow): Department {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, regionCode: r.region_code, aliases: JSON.parse(r.aliases) as string[] };
}

export class DepartmentsService {
  readonly repo: DepartmentsRepository;
  constructor(h: DbHandle) {
    this.repo = new DepartmentsRepository(h.db);
  }

  seed(list: readonly DepartmentSeedLike[]): Promise<void> {
    return this.repo.upsertMany(
      list.map((d) => ({ code: d.code, name: d.name, kind: d.kind, region_code: d.regionCode, aliases: JSON.stringify(d.aliases), active: 1 })),
    );
  }

  async list(): Promise<Department[]> {
    return (await this.repo.list()).map(toDepartment);
  }

  async get(id: number): Promise<Department | undefined> {
    const r = await this.repo.get(id);
    return r && toDepartment(r);
  }
}

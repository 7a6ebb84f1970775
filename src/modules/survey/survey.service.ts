import type { DbHandle } from '../../db/connect.js';
import { nowIso } from '../../shared/time.js';
import { AppError } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { SessionUser } from '../auth/auth.service.js';
import type { UsersService } from '../auth/users.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { assertWrite, isHouseholdOnly, type SurveyViewer } from './access.js';
import { DiaryService } from './diary.service.js';
import { EstimatesService } from './estimates.service.js';
import { ReviewService } from './review.service.js';
import { RosterService } from './roster.service.js';
import { SampleService } from './sample.service.js';
import { SurveyRepository, type HouseholdRow } from './survey.repository.js';

export function viewerOf(u: SessionUser): SurveyViewer {
  return { id: u.id, username: u.username, roles: u.roles, regionCode: u.regionCode };
}

/** The household income survey (住户收支调查): one entry point over its parts. */
export class SurveyService {
  readonly repo: SurveyRepository;
  readonly samples: SampleService;
  readonly diary: DiaryService;
  readonly review: ReviewService;
  readonly roster: RosterService;
  readonly estimates: EstimatesService;

  constructor(
    h: DbHandle,
    private readonly audit: AuditService,
    settings: SettingsService,
    regions: RegionsService,
    private readonly users: UsersService,
  ) {
    this.repo = new SurveyRepository(h.db);
    this.samples = new SampleService(this.repo, audit, regions);
    this.diary = new DiaryService(this.repo, this.samples, audit);
    this.review = new ReviewService(this.repo, audit);
    this.roster = new RosterService(this.repo, this.diary);
    this.estimates = new EstimatesService(this.repo, this.samples, settings);
  }

  /** The household a household account keeps the diary for (404 for other accounts). */
  async myHousehold(v: SurveyViewer): Promise<HouseholdRow | null> {
    if (v.id === null) return null;
    const h = await this.repo.householdOfUser(v.id);
    if (!h && isHouseholdOnly(v)) throw new AppError(404, 'NO_HOUSEHOLD', '本账号没有关联样本户，请联系调查员');
    return h ?? null;
  }

  /** Creates the household's own login (role 记账户, scoped to its village) and links it. */
  async createHouseholdLogin(v: SurveyViewer, by: SessionUser | null, householdId: number, input: { username: string; password?: string }, actor: Actor, opts: { passwordHash?: string } = {}) {
    const h = await this.repo.household(householdId);
    assertWrite(v, h);
    const row = h as HouseholdRow;
    if (row.user_id !== null) throw new AppError(409, 'HAS_LOGIN', '该户已有记账账号');
    const { id, initialPassword } = await this.users.create(
      { username: input.username, displayName: `记账户 ${row.code}`, regionCode: row.village_code, roles: ['household'], password: input.password, departmentId: null },
      actor,
      by,
      opts,
    );
    await this.samples.linkUser(householdId, id);
    await this.audit.record(actor, { action: 'survey.household.login', objectType: 'survey_household', objectId: householdId, regionCode: row.village_code, detail: { username: input.username } });
    return { userId: id, initialPassword };
  }

  async setCpi(period: string, value: number, actor: Actor): Promise<void> {
    await this.repo.setCpi(period, value, actor.username ?? 'system', nowIso());
    await this.audit.record(actor, { action: 'survey.cpi.set', objectType: 'survey_cpi', objectId: period, regionCode: '211000', detail: { value } });
  }

  async setPopulation(rows: { year: number; stratum: string; persons: number; households: number }[], actor: Actor): Promise<void> {
    await this.repo.setPopulation(rows);
    await this.audit.record(actor, { action: 'survey.population.set', objectType: 'survey_population', objectId: rows[0]?.year ?? '', regionCode: '211000', detail: { rows: rows.length } });
  }
}

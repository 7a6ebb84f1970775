import { join } from 'node:path';
import type { DbHandle } from '../db/connect.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { UsersService } from '../modules/auth/users.service.js';
import type { Keyring } from '../modules/crypto/keyring.js';
import { loadKeyring } from '../modules/crypto/master-key.js';
import { IndicatorsService } from '../modules/indicators/indicators.service.js';
import { MicrosimService } from '../modules/microsim/microsim.service.js';
import { DepartmentsService } from '../modules/org/departments.service.js';
import { RegionsService } from '../modules/regions/regions.service.js';
import { RegistryService } from '../modules/registry/registry.service.js';
import { SettingsService } from '../modules/settings/settings.service.js';
import { SurveyService } from '../modules/survey/survey.service.js';
import { ReportsService } from '../modules/workplan/reports.service.js';
import { SupervisionService } from '../modules/workplan/supervision.service.js';
import { WorkplanService } from '../modules/workplan/workplan.service.js';

/** The services of one running platform, built once over one database handle. */
export interface Services {
  handle: DbHandle;
  keyring: Keyring;
  audit: AuditService;
  settings: SettingsService;
  regions: RegionsService;
  departments: DepartmentsService;
  auth: AuthService;
  users: UsersService;
  plans: WorkplanService;
  reports: ReportsService;
  supervision: SupervisionService;
  registry: RegistryService;
  survey: SurveyService;
  microsim: MicrosimService;
  indicators: IndicatorsService;
}

export function createServices(handle: DbHandle, keyring: Keyring, dataDir: string): Services {
  const audit = new AuditService(handle);
  const settings = new SettingsService(handle);
  const regions = new RegionsService(handle);
  const departments = new DepartmentsService(handle);
  const auth = new AuthService(handle, audit, settings, keyring);
  const users = new UsersService(auth, audit, regions, departments);
  const plans = new WorkplanService(handle, audit, departments, settings);
  const reports = new ReportsService(plans, audit, join(dataDir, 'attachments'));
  const supervision = new SupervisionService(plans, departments);
  const registry = new RegistryService(handle, keyring, audit, settings);
  const survey = new SurveyService(handle, audit, settings, regions, users);
  const microsim = new MicrosimService(handle, audit);
  const indicators = new IndicatorsService(handle, audit, settings, survey, registry, plans, departments);
  return { handle, keyring, audit, settings, regions, departments, auth, users, plans, reports, supervision, registry, survey, microsim, indicators };
}

export function keyringFor(dataDir: string): Keyring {
  return loadKeyring(join(dataDir, 'keys', 'master.key'));
}

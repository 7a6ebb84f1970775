/**
 * The income and property registry (个人收入和财产信息系统) as one service object: channels and
 * impact assessments, imports and quarantine; persons, linkage and statistics are added alongside.
 */
import type { DbHandle } from '../../db/connect.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Keyring } from '../crypto/keyring.js';
import type { SettingsService } from '../settings/settings.service.js';
import { ChannelsService } from './channels.service.js';
import { ImportService } from './import.service.js';
import { Protector } from './protect.js';

export class RegistryService {
  readonly protector: Protector;
  readonly channels: ChannelsService;
  readonly imports: ImportService;

  constructor(
    readonly handle: DbHandle,
    keyring: Keyring,
    readonly audit: AuditService,
    readonly settings: SettingsService,
  ) {
    this.protector = new Protector(keyring);
    this.channels = new ChannelsService(handle.db, audit);
    this.imports = new ImportService(handle, this.protector, this.channels, audit);
  }
}

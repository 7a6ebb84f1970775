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
import { LinkageService } from './linkage/linkage.service.js';
import { PersonsService } from './persons.service.js';
import { Protector } from './protect.js';
import { rotateRegistryKey, type RotationReport } from './rotate.js';
import { TablesService } from './tables.service.js';

export class RegistryService {
  readonly protector: Protector;
  readonly channels: ChannelsService;
  readonly imports: ImportService;
  readonly persons: PersonsService;
  readonly linkage: LinkageService;
  readonly tables: TablesService;

  constructor(
    readonly handle: DbHandle,
    keyring: Keyring,
    readonly audit: AuditService,
    readonly settings: SettingsService,
  ) {
    this.protector = new Protector(keyring);
    this.channels = new ChannelsService(handle.db, audit);
    this.imports = new ImportService(handle, this.protector, this.channels, audit);
    this.persons = new PersonsService(handle, this.protector, audit);
    this.linkage = new LinkageService(handle, this.protector, audit, settings);
    this.tables = new TablesService(handle, audit, settings);
  }

  /** Re-encrypts every registry ciphertext under the keyring's current key version (audited). */
  async rotateKey(keyring: Keyring, actor: import('../audit/audit.service.js').Actor, onProgress?: (table: string, done: number, total: number) => void): Promise<RotationReport> {
    const r = await rotateRegistryKey(this.handle, keyring, onProgress);
    await this.audit.record(actor, { action: 'registry.key.rotate', detail: { keyVersion: r.keyVersion, values: r.values, rows: r.rows } });
    return r;
  }
}

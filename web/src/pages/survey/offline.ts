/**
 * The phone's own copy of what the household typed. Every entry is written to localStorage the moment
 * it is saved, with an id made here (a UUID): sending it again can never double it, and nothing typed
 * is lost when the network is gone, the page reloads or the server refuses it (a refused entry stays,
 * with the reason, until the household fixes or discards it).
 */
import type { SyncEntry, SyncOutcome } from './api';

export type LocalState = 'pending' | 'synced' | 'refused' | 'conflict';

export interface LocalEntry {
  id: string;
  date: string;
  itemCode: string;
  /** As typed. */
  amount: string;
  amountFen: number | null;
  note: string | null;
  deleted: boolean;
  /** The server version this edit is based on (0: never uploaded). */
  baseVersion: number;
  state: LocalState;
  message?: string;
  clientTs: string;
}

interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A v4 UUID from crypto.getRandomValues (available on plain http too, unlike randomUUID). */
export function newEntryId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class Outbox {
  constructor(
    readonly householdId: number,
    private readonly store: Store = globalThis.localStorage,
  ) {}

  private get key() {
    return `zs.survey.outbox.${this.householdId}`;
  }

  all(): LocalEntry[] {
    try {
      return Object.values(JSON.parse(this.store.getItem(this.key) ?? '{}') as Record<string, LocalEntry>);
    } catch {
      return [];
    }
  }

  private write(entries: LocalEntry[]) {
    this.store.setItem(this.key, JSON.stringify(Object.fromEntries(entries.map((e) => [e.id, e]))));
  }

  put(e: LocalEntry): void {
    this.write([...this.all().filter((x) => x.id !== e.id), e]);
  }

  remove(id: string): void {
    this.write(this.all().filter((x) => x.id !== id));
  }

  /** Entries still to upload. */
  pending(): LocalEntry[] {
    return this.all().filter((e) => e.state === 'pending');
  }

  /** Folds the server's answers in: accepted entries leave the outbox, the rest stay with their reason. */
  apply(results: SyncOutcome[]): void {
    const byId = new Map(results.map((r) => [r.id, r]));
    const kept: LocalEntry[] = [];
    for (const e of this.all()) {
      const r = byId.get(e.id);
      if (!r) kept.push(e);
      else if (r.status === 'refused') kept.push({ ...e, state: 'refused', message: r.message });
      else if (r.status === 'conflict') kept.push({ ...e, state: 'conflict', message: r.message, baseVersion: r.version });
      // the server has it: kept as synced (so it never flickers away) until the month view shows it
      else kept.push({ ...e, state: 'synced', message: undefined, baseVersion: r.version });
    }
    this.write(kept);
  }

  /** Drops synced entries of a month once the server's month view has them (or no longer has a deleted one). */
  prune(month: string, serverIds: Set<string>): void {
    this.write(this.all().filter((e) => !(e.state === 'synced' && e.date.startsWith(month) && serverIds.has(e.id) !== e.deleted)));
  }

  toSync(e: LocalEntry): SyncEntry {
    return { id: e.id, baseVersion: e.baseVersion, date: e.date, itemCode: e.itemCode, amount: e.amountFen ?? e.amount, note: e.note, deleted: e.deleted, clientTs: e.clientTs };
  }
}

/** Uploads the pending entries; false when the network is down (they stay pending). */
export async function syncOutbox(box: Outbox, send: (entries: SyncEntry[]) => Promise<{ results: SyncOutcome[] }>): Promise<boolean> {
  const pending = box.pending();
  if (pending.length === 0) return true;
  try {
    for (let i = 0; i < pending.length; i += 200) {
      const { results } = await send(pending.slice(i, i + 200).map((e) => box.toSync(e)));
      box.apply(results);
    }
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'NETWORK_ERROR') return false;
    throw e;
  }
}

import { describe, expect, it } from 'vitest';
import { defaultPeriod, periodLabel, periodsOf } from './periods';
import { recentItems, rememberItem, searchable, searchItems } from './itemSearch';
import { newEntryId, Outbox, syncOutbox, type LocalEntry } from './offline';
import type { Item, SyncEntry } from './api';

class MemoryStore {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

const entry = (id: string, p: Partial<LocalEntry> = {}): LocalEntry => ({ id, date: '2025-07-01', itemCode: '5101', amount: '12', amountFen: 1200, note: null, deleted: false, baseVersion: 0, state: 'pending', clientTs: 't', ...p });

describe('the phone outbox', () => {
  it('makes RFC 4122 version-4 ids', () => {
    const id = newEntryId((b) => b.fill(0xff));
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newEntryId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps entries until the server has them, and keeps refused ones with the reason', async () => {
    const store = new MemoryStore();
    const box = new Outbox(7, store);
    box.put(entry('a'));
    box.put(entry('b'));
    box.put(entry('c'));
    // a second page (after a reload) sees the same entries
    expect(new Outbox(7, store).pending().map((e) => e.id).sort()).toEqual(['a', 'b', 'c']);
    // offline: nothing leaves, nothing is lost
    const down = await syncOutbox(box, async () => Promise.reject(Object.assign(new Error('x'), { code: 'NETWORK_ERROR' })));
    expect(down).toBe(false);
    expect(box.pending()).toHaveLength(3);
    const sent: SyncEntry[][] = [];
    const up = await syncOutbox(box, async (entries) => {
      sent.push(entries);
      return {
        results: [
          { id: 'a', status: 'created', version: 1 },
          { id: 'b', status: 'refused', version: 0, code: 'MONTH_LOCKED', message: '已锁定' },
          { id: 'c', status: 'conflict', version: 3, code: 'SYNC_CONFLICT', message: '冲突' },
        ],
      };
    });
    expect(up).toBe(true);
    expect(sent[0].map((e) => e.amount)).toEqual([1200, 1200, 1200]);
    expect(box.all().map((e) => [e.id, e.state, e.message])).toEqual([['a', 'synced', undefined], ['b', 'refused', '已锁定'], ['c', 'conflict', '冲突']]);
    expect(box.pending()).toEqual([]);
    // once the month view from the server has it, the synced copy goes
    box.prune('2025-07', new Set(['a']));
    expect(box.all().map((e) => e.id)).toEqual(['b', 'c']);
  });
});

describe('item search', () => {
  const items = searchable([
    { code: '5101', name: '粮油', kind: 'consumption' },
    { code: '5104', name: '在外饮食', kind: 'consumption' },
    { code: '1101', name: '工资', kind: 'income' },
    { code: '6101', name: '出售房产、车辆等财物所得', kind: 'other' },
  ] as Item[]);
  it('finds items by pinyin initials, name or code', () => {
    expect(searchItems(items, 'ly').map((i) => i.code)).toEqual(['5101']);
    expect(searchItems(items, 'zwys').map((i) => i.code)).toEqual(['5104']);
    expect(searchItems(items, '工').map((i) => i.code)).toEqual(['1101']);
    expect(searchItems(items, 'GZ').map((i) => i.code)).toEqual(['1101']);
    expect(searchItems(items, '11').map((i) => i.code)).toEqual(['1101']);
    expect(searchItems(items, '').map((i) => i.code)).toEqual(['5101', '5104', '1101']);
  });
  it('remembers the eight most recent items, newest first', () => {
    const store = new MemoryStore();
    for (const c of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '3']) rememberItem(c, store);
    expect(recentItems(store)).toEqual(['3', '9', '8', '7', '6', '5', '4', '2']);
  });
});

describe('estimate periods', () => {
  it('labels and lists periods, and defaults to the latest complete one', () => {
    expect(periodLabel('2024-Q3', 'zh-CN')).toBe('2024年三季度');
    expect(periodLabel('2024-07', 'zh-CN')).toBe('2024年7月');
    expect(periodsOf('quarter', 2024, 2024)).toEqual(['2024-Q4', '2024-Q3', '2024-Q2', '2024-Q1']);
    expect(defaultPeriod('2024-12', 2025)).toBe('2024');
    expect(defaultPeriod('2025-08', 2025)).toBe('2025-Q2');
    expect(defaultPeriod('2025-02', 2025)).toBe('2025-02');
    expect(defaultPeriod(null, 2025)).toBe('2025');
  });
});

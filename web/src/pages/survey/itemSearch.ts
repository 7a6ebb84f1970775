/** Finding a diary item by its name, code or pinyin initials (粮油 → ly), and the recent items. */
import { pinyin } from 'pinyin-pro';
import type { Item } from './api';

export interface SearchableItem extends Item {
  initials: string;
}

export function searchable(items: Item[]): SearchableItem[] {
  return items.map((i) => ({ ...i, initials: pinyin(i.name.replace(/[（）()、，,\s]/g, ''), { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase() }));
}

/** Items matching the text: name contains it, code starts with it, or pinyin initials start with / contain it. */
export function searchItems(items: SearchableItem[], text: string, limit = 12): SearchableItem[] {
  const q = text.trim().toLowerCase();
  if (!q) return items.filter((i) => i.kind !== 'other').slice(0, limit);
  const score = (i: SearchableItem) => (i.name.startsWith(q) || i.initials.startsWith(q) ? 0 : i.name.includes(q) ? 1 : i.code.startsWith(q) ? 2 : i.initials.includes(q) ? 3 : -1);
  return items
    .map((i) => ({ i, s: score(i) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s || a.i.code.localeCompare(b.i.code))
    .slice(0, limit)
    .map((x) => x.i);
}

const RECENT = 'zs.survey.recentItems';

export function recentItems(store: Pick<Storage, 'getItem'> = globalThis.localStorage): string[] {
  try {
    return JSON.parse(store.getItem(RECENT) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function rememberItem(code: string, store: Pick<Storage, 'getItem' | 'setItem'> = globalThis.localStorage): string[] {
  const next = [code, ...recentItems(store).filter((c) => c !== code)].slice(0, 8);
  store.setItem(RECENT, JSON.stringify(next));
  return next;
}

/** Region hierarchy helpers for trees and pickers (pure). */
import type { Region } from './types';

export interface RegionNode {
  key: string;
  value: string;
  title: string;
  region: Region;
  children?: RegionNode[];
}

/** Regions as a forest by parentCode; a region whose parent is not in the list becomes a root. */
export function regionTree(regions: readonly Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const r of regions) nodes.set(r.code, { key: r.code, value: r.code, title: `${r.name}（${r.code}）`, region: r });
  const roots: RegionNode[] = [];
  for (const r of [...regions].sort((a, b) => a.code.localeCompare(b.code))) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

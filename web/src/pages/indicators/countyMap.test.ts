import { describe, expect, it } from 'vitest';
import { LIAOYANG_SCHEMATIC, inRing, ringArea } from './countyMap';

const byCode = new Map(LIAOYANG_SCHEMATIC.features.map((f) => [f.properties.code, f]));
const ringOf = (code: string) => byCode.get(code)!.geometry.coordinates[0];

describe('schematic county map of 辽阳市', () => {
  it('has exactly the seven GB/T 2260 units with their names', () => {
    expect([...byCode.keys()].sort()).toEqual(['211002', '211003', '211004', '211005', '211011', '211021', '211081']);
    expect(byCode.get('211002')!.properties.name).toBe('白塔区');
    expect(byCode.get('211081')!.properties.name).toBe('灯塔市');
  });

  it('draws closed rings, each label point inside its own unit and no other', () => {
    for (const f of LIAOYANG_SCHEMATIC.features) {
      const r = f.geometry.coordinates[0];
      expect(r[0]).toEqual(r[r.length - 1]);
      expect(Math.abs(ringArea(r))).toBeGreaterThan(0);
      for (const g of LIAOYANG_SCHEMATIC.features) expect([f.properties.code, g.properties.code, inRing(f.properties.cp, g.geometry.coordinates[0])]).toEqual([f.properties.code, g.properties.code, f === g]);
    }
  });

  it('draws no two units over each other (sampled on a 0.01° grid)', () => {
    // every grid point lies in at most one unit
    for (let x = 122.605; x < 123.65; x += 0.01) {
      for (let y = 40.855; y < 41.66; y += 0.01) {
        const hits = LIAOYANG_SCHEMATIC.features.filter((f) => inRing([x, y], f.geometry.coordinates[0])).length;
        expect(hits).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps the relative positions: 灯塔市 north of the urban core, 弓长岭区 east of it, 宏伟区 south of 白塔区', () => {
    const cp = (c: string) => byCode.get(c)!.properties.cp;
    for (const c of ['211002', '211003', '211004', '211011', '211005', '211021']) expect(cp('211081')[1]).toBeGreaterThan(cp(c)[1]);
    for (const c of ['211002', '211003', '211004', '211011']) expect(cp('211005')[0]).toBeGreaterThan(cp(c)[0]);
    expect(cp('211004')[1]).toBeLessThan(cp('211002')[1]);
    // 辽阳县 is the largest unit
    const areas = [...byCode.keys()].map((c) => [c, Math.abs(ringArea(ringOf(c)))] as const).sort((a, b) => b[1] - a[1]);
    expect(areas[0][0]).toBe('211021');
  });
});

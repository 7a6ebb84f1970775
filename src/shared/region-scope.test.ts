import { describe, expect, it } from 'vitest';
import { inScope, isUrbanCode, levelOf, regionPrefix } from './region-scope.js';

describe('region scope', () => {
  it('derives significant prefixes per level', () => {
    expect(regionPrefix('210000')).toBe('21');
    expect(regionPrefix('211000')).toBe('2110');
    expect(regionPrefix('211002')).toBe('211002');
    expect(regionPrefix('211002016')).toBe('211002016');
    expect(regionPrefix('211002016001')).toBe('211002016001');
    expect(regionPrefix('211002016000')).toBe('211002016');
    expect(regionPrefix('211002000000')).toBe('211002');
  });
  it('contains children and not siblings', () => {
    expect(inScope('211000', '211021')).toBe(true);
    expect(inScope('211000', '211021101')).toBe(true);
    expect(inScope('211002', '211002016001')).toBe(true);
    expect(inScope('211002', '211021')).toBe(false);
    expect(inScope('211002', '211021101')).toBe(false);
    expect(inScope('211021', '211000')).toBe(false);
  });
  it('names levels and urban codes', () => {
    expect(levelOf('211081')).toBe('county');
    expect(levelOf('211081205')).toBe('township');
    expect(isUrbanCode('111')).toBe(true);
    expect(isUrbanCode('220')).toBe(false);
  });
  it('rejects malformed codes', () => {
    expect(() => regionPrefix('2110')).toThrow();
    expect(() => regionPrefix("211002' OR 1=1")).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANNELS } from '../channels.js';
import { ChannelMappingSchema } from '../mapping.js';
import { TAX_HEADER, fakePersons } from '../testing/fixtures.js';
import { mapRow, planColumns, type MapContext } from './row-mapper.js';

const mapping = (code: string) => ChannelMappingSchema.parse(DEFAULT_CHANNELS.find((c) => c.code === code)!.mapping);
const tax = mapping('tax');

describe('mapRow over consecutive rows', () => {
  it('checks each row as on its own when it repeats the previous row’s ID number and name (which it reuses)', () => {
    const ctx: MapContext = { mapping: tax, plan: planColumns(TAX_HEADER, tax), regionExists: () => true, asOf: '2024-06-30' };
    const [a, b] = fakePersons(2, 5);
    const row = (id: string, name: string, period: string) => ['1', name, '居民身份证', id, '工资薪金所得', period, '5000.00', '100.00'];
    const badCheck = a.id.slice(0, 17) + (a.id[17] === '0' ? '1' : '0');
    const results = [
      row(a.id, a.name, '2024-01'), row(a.id, a.name, '2024-02'), row(badCheck, a.name, '2024-03'), row(badCheck, a.name, '2024-04'),
      row(a.id, '', '2024-05'), row(a.id, a.name, '2031-01'), row(b.id, b.name, '2024-01'), row(a.id, `${a.name}1`, '2024-01'),
    ].map((r) => mapRow(r, ctx));
    const alone = (r: string[]) => mapRow(r, { ...ctx, last: undefined });
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false, true, false, true, false]);
    expect(results[2]).toEqual(alone(row(badCheck, a.name, '2024-03')));
    expect(results[3]).toEqual(alone(row(badCheck, a.name, '2024-04')));
    expect(results[5]).toEqual({ ok: false, problems: [{ field: 'period', code: 'PERIOD_IN_FUTURE' }] });
    expect(results[6].ok && results[6].person.idNumber).toBe(b.id);
    expect(results[7]).toEqual({ ok: false, problems: [{ field: 'name', code: 'BAD_NAME' }] });
    expect(results[1].ok && results[1].person).toEqual(results[0].ok && results[0].person);
  });
});

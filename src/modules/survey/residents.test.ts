import { describe, expect, it } from 'vitest';
import { daysOfMonth, monthEnd, parsePeriod, previousYear } from './periods.js';
import { daysAtHome, isResident, residentCount, type MemberPresence } from './residents.js';

const m = (p: Partial<MemberPresence> = {}): MemberPresence => ({ since: null, until: null, supportedStudent: false, absences: [], ...p });

describe('periods', () => {
  it('knows months, quarters and years with their first and last days', () => {
    expect(parsePeriod('2024-Q1')).toMatchObject({ kind: 'quarter', months: ['2024-01', '2024-02', '2024-03'], start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('2023').months).toHaveLength(12);
    expect(parsePeriod('2023').end).toBe('2023-12-31');
    expect(monthEnd('2023-02')).toBe('2023-02-28');
    expect(previousYear('2024-Q3')).toBe('2023-Q3');
    expect(daysOfMonth('2024-02', '2024-02-03')).toEqual(['2024-02-01', '2024-02-02', '2024-02-03']);
    expect(() => parsePeriod('2024-13')).toThrow();
  });
});

describe('resident-member rule', () => {
  it('counts a member at home more than half the period', () => {
    // July has 31 days: 16 at home is more than half, 15 is not
    expect(isResident(m({ absences: [{ from: '2024-07-17', to: '2024-07-31' }] }), '2024-07-01', '2024-07-31')).toBe(true);
    expect(isResident(m({ absences: [{ from: '2024-07-16', to: '2024-07-31' }] }), '2024-07-01', '2024-07-31')).toBe(false);
    // a migrant worker away from March to October is not resident in the year (122 of 366 days at home)
    const migrant = m({ absences: [{ from: '2024-03-01', to: '2024-10-31' }] });
    expect(daysAtHome(migrant, '2024-01-01', '2024-12-31')).toBe(366 - 245);
    expect(isResident(migrant, '2024-01-01', '2024-12-31')).toBe(false);
    expect(isResident(migrant, '2024-01-01', '2024-03-31')).toBe(true); // Q1: 31 + 29 = 60 of 91 days at home
  });

  it('follows joining and leaving during the year', () => {
    const baby = m({ since: '2024-05-10' });
    expect(isResident(baby, '2024-04-01', '2024-06-30')).toBe(true); // 52 of 91 days
    expect(isResident(baby, '2024-01-01', '2024-12-31')).toBe(true); // 236 of 366
    expect(isResident(baby, '2024-01-01', '2024-03-31')).toBe(false);
    const left = m({ until: '2024-02-15' }); // at home 1 Jan – 14 Feb
    expect(daysAtHome(left, '2024-01-01', '2024-03-31')).toBe(45);
    expect(isResident(left, '2024-01-01', '2024-03-31')).toBe(false);
    expect(isResident(left, '2024-02-01', '2024-02-29')).toBe(false);
    expect(isResident(left, '2024-01-01', '2024-01-31')).toBe(true);
  });

  it('counts a supported student away at school, while a member', () => {
    const student = m({ supportedStudent: true, absences: [{ from: '2024-01-01', to: '2024-12-31' }] });
    expect(isResident(student, '2024-01-01', '2024-12-31')).toBe(true);
    expect(isResident(m({ supportedStudent: true, until: '2024-01-01' }), '2024-07-01', '2024-07-31')).toBe(false);
    expect(residentCount([m(), student, m({ until: '2024-01-10' })], '2024-07-01', '2024-07-31')).toBe(2);
  });
});

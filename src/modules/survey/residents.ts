/**
 * The resident-member rule (常住成员): a member is resident in a period when at home for more than
 * half of its days, counting membership (joined/left during the year) and recorded absences (外出),
 * or when a student away at school whom the household supports. Pure.
 */
import { dayNumber } from './periods.js';

export interface MemberPresence {
  /** Joined the household (birth, marriage, moving in); null: before the survey. */
  since: string | null;
  /** Left (death, moving out); null: still a member. The day of leaving is no longer at home. */
  until: string | null;
  supportedStudent: boolean;
  absences: readonly { from: string; to: string }[];
}

/** Days of [start, end] (inclusive) the member was at home. */
export function daysAtHome(m: MemberPresence, start: string, end: string): number {
  const a = Math.max(dayNumber(start), m.since ? dayNumber(m.since) : -Infinity);
  const b = Math.min(dayNumber(end), m.until ? dayNumber(m.until) - 1 : Infinity);
  if (b < a) return 0;
  // absences may overlap each other: count each day once
  const away = new Set<number>();
  for (const x of m.absences) {
    for (let d = Math.max(a, dayNumber(x.from)); d <= Math.min(b, dayNumber(x.to)); d++) away.add(d);
  }
  return b - a + 1 - away.size;
}

function memberDuring(m: MemberPresence, start: string, end: string): boolean {
  return (!m.since || m.since <= end) && (!m.until || m.until > start);
}

export function isResident(m: MemberPresence, start: string, end: string): boolean {
  const days = dayNumber(end) - dayNumber(start) + 1;
  if (2 * daysAtHome(m, start, end) > days) return true;
  return m.supportedStudent && memberDuring(m, start, end);
}

export function residentCount(members: readonly MemberPresence[], start: string, end: string): number {
  let n = 0;
  for (const m of members) if (isResident(m, start, end)) n++;
  return n;
}

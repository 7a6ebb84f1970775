import { Rng } from '../demo/rng.js';
import { periodsBetween } from './ranking.js';
import { periodEnd, plannedProgress } from './status.js';

/**
 * A plausible supervision history for the demo (pure, deterministic from a seed): for each task a
 * performance profile and the monthly consolidated reports its lead unit would have sent up to today.
 * Profiles and their shares: closed early 10%, ahead 25%, on track 33%, lagging 17%, stalled 8%,
 * overdue (short deadline already passed) 7%.
 */
export type Profile = 'closed' | 'ahead' | 'on_track' | 'lagging' | 'stalled' | 'overdue';

export interface DemoReport {
  period: string;
  percent: number;
  submittedOn: string;
  /** Returned once before this version was approved. */
  returnedFirst: boolean;
  /** Approved (the last one of the current period may still await review). */
  approved: boolean;
  requestClose: boolean;
}

export interface DemoTaskHistory {
  profile: Profile;
  startDate: string;
  deadline: string;
  reports: DemoReport[];
  closedOn: string | null;
}

const PROFILES: [Profile, number][] = [['closed', 0.1], ['ahead', 0.25], ['on_track', 0.33], ['lagging', 0.17], ['stalled', 0.08], ['overdue', 0.07]];
const FACTOR: Record<Profile, number> = { closed: 1.6, ahead: 1.15, on_track: 0.97, lagging: 0.7, stalled: 0.25, overdue: 0.8 };

const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);

function pick(rng: Rng): Profile {
  let u = rng.float();
  for (const [p, w] of PROFILES) {
    if (u < w) return p;
    u -= w;
  }
  return 'on_track';
}

export function demoHistory(taskCount: number, planStart: string, planEnd: string, today: string, seed = 2018): DemoTaskHistory[] {
  const rng = new Rng(seed);
  const out: DemoTaskHistory[] = [];
  for (let i = 0; i < taskCount; i++) {
    const profile = pick(rng);
    // Overdue tasks had a short deadline that has passed; most run to the plan's end or a little before.
    // Closed tasks were short ones finished early.
    const deadline =
      profile === 'overdue' ? addDays(today, -rng.int(20) - 10) : profile === 'closed' ? addDays(planStart, 200 + rng.int(120)) : addDays(planEnd, -rng.int(120));
    const startDate = planStart;
    const reports: DemoReport[] = [];
    let percent = 0;
    let closedOn: string | null = null;
    for (const period of periodsBetween('month', startDate, today)) {
      const end = periodEnd(period);
      if (end >= today) break; // the current month is not yet reported
      const submittedOn = addDays(end, rng.int(12) - 3); // some early, most within the grace days, some late
      if (submittedOn >= today) break;
      if (profile === 'stalled' && rng.chance(0.5)) continue; // stalled units skip reports too
      const target = plannedProgress(startDate, deadline, end) * FACTOR[profile] + rng.normal() * 4;
      percent = Math.max(percent, Math.min(profile === 'overdue' ? 85 : 100, Math.round(target / 5) * 5));
      const requestClose = percent >= 100 && profile === 'closed';
      reports.push({ period, percent, submittedOn, returnedFirst: rng.chance(0.08), approved: true, requestClose });
      if (requestClose) {
        closedOn = addDays(submittedOn, 3 + rng.int(5));
        if (closedOn >= today) closedOn = null;
        break;
      }
    }
    // The newest report is sometimes still waiting for the supervisor.
    const last = reports[reports.length - 1];
    if (last && !closedOn && rng.chance(0.3)) last.approved = false;
    out.push({ profile, startDate, deadline, reports, closedOn });
  }
  return out;
}

/**
 * Who may do what in the survey. A household account sees and writes its own household only; an
 * enumerator the households in its region; reviewers act at the level of their region (a township
 * user for the township, a county user for the county, a city user for the city). Pure.
 */
import { inScope, levelOf } from '../../shared/region-scope.js';
import { permissionsOf, type Role } from '../../shared/roles.js';
import type { ReviewLevel } from '../../shared/api/survey.js';
import { AppError, forbidden, notFound } from '../app-error.js';

export interface SurveyViewer {
  id: number | null;
  username: string;
  roles: readonly Role[];
  regionCode: string;
}

/** The CLI and the demo loader act as the city with every survey right. */
export const SYSTEM_VIEWER: SurveyViewer = { id: null, username: 'system', roles: ['analyst', 'enumerator'], regionCode: '211000' };

export interface HouseholdScope {
  id: number;
  village_code: string;
  user_id: number | null;
}

const perms = (v: SurveyViewer) => permissionsOf(v.roles);

/** A household account (and nothing more): limited to its own household everywhere. */
export function isHouseholdOnly(v: SurveyViewer): boolean {
  const p = perms(v);
  return p.has('survey.diary') && !p.has('survey.read') && !p.has('survey.collect');
}

export function canSee(v: SurveyViewer, h: HouseholdScope): boolean {
  if (h.user_id !== null && h.user_id === v.id) return true;
  const p = perms(v);
  return (p.has('survey.read') || p.has('survey.collect')) && inScope(v.regionCode, h.village_code);
}

/** Entries, roster and questionnaires: the household itself or an enumerator of its area. */
export function canWrite(v: SurveyViewer, h: HouseholdScope): boolean {
  if (h.user_id !== null && h.user_id === v.id) return true;
  return perms(v).has('survey.collect') && inScope(v.regionCode, h.village_code);
}

/** Throws 404 for a household the viewer may not see (its existence is not disclosed). */
export function assertSee(v: SurveyViewer, h: HouseholdScope | undefined): asserts h is HouseholdScope {
  if (!h || !canSee(v, h)) throw notFound('样本户');
}

export function assertWrite(v: SurveyViewer, h: HouseholdScope | undefined): asserts h is HouseholdScope {
  assertSee(v, h);
  if (!canWrite(v, h)) throw forbidden('您无权为该户记账或修改其资料');
}

/** The review level a viewer acts at, or null. Enumerators approve households; reviewers their region. */
export function reviewLevel(v: SurveyViewer): ReviewLevel | null {
  const p = perms(v);
  if (p.has('survey.review')) {
    const l = levelOf(v.regionCode);
    if (l === 'township') return 'township';
    if (l === 'county') return 'county';
    if (l === 'prefecture') return 'city';
    return null;
  }
  if (p.has('survey.collect')) return 'household';
  return null;
}

export const LEVELS: readonly ReviewLevel[] = ['household', 'township', 'county', 'city'];
export const parentLevel = (l: ReviewLevel): ReviewLevel | null => LEVELS[LEVELS.indexOf(l) + 1] ?? null;
export const childLevel = (l: ReviewLevel): ReviewLevel | null => LEVELS[LEVELS.indexOf(l) - 1] ?? null;

export function assertLevel(v: SurveyViewer, level: ReviewLevel, regionCode: string): void {
  const mine = reviewLevel(v);
  const ok = mine === level || (v.id === null && v.username === 'system');
  if (!ok) throw new AppError(403, 'REVIEW_LEVEL', `只有${LEVEL_NAMES[level]}审核人员可以执行此操作`);
  if (!inScope(v.regionCode, regionCode)) throw new AppError(403, 'OUT_OF_SCOPE', '该单位不在您的管辖区域范围内');
}

export const LEVEL_NAMES: Record<ReviewLevel, string> = { household: '调查员', township: '乡镇（街道）', county: '县（市、区）', city: '市' };

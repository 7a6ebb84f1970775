/**
 * Region scope for registry queries. A person, household or rejected row carries the most precise
 * region any channel gave it; one that no channel placed sits at the city root, visible only to
 * city-wide users. Every query filters by the viewer's scope prefix.
 */
import { regionPrefix } from '../../shared/region-scope.js';

/** The city the registry serves (GB/T 2260): the region of persons no channel placed. */
export const ROOT_REGION = '211000';

export interface RegistryViewer {
  userId: number | null;
  username: string;
  regionCode: string;
  /** may see unmasked identifiers (registry.unmask), still only with a stated purpose */
  canUnmask: boolean;
}

/** LIKE pattern matching every code inside the viewer's scope. */
export function scopePattern(scope: string): string {
  return `${regionPrefix(scope)}%`;
}

import type { Services } from './services.js';

/**
 * Loads the default demo (the synthetic city and the Liaoyang plan) into an empty database.
 * Each capability adds its part here as it lands.
 */
export async function loadDemoIfEmpty(_services: Services): Promise<void> {
  // The demo city and the plan are loaded by their capabilities (see issues 3 and 4).
}

/**
 * The answers web/public/boot.js started fetching before the app's scripts ran. Each is taken at most
 * once, and only soon after the page loaded: later calls must see the server's current answer.
 */
interface Boot {
  started: number;
  responses: Record<string, Promise<Response | null> | undefined>;
}

const FRESH_MS = 15_000;

export function takeBootResponse(url: string): Promise<Response | null> | undefined {
  const boot = (globalThis as { __zsBoot?: Boot }).__zsBoot;
  const r = boot?.responses[url];
  if (!boot || !r) return undefined;
  delete boot.responses[url];
  return Date.now() - boot.started <= FRESH_MS ? r : undefined;
}

const primed = new Map<string, unknown>();

/**
 * Reads every early answer still waiting (the session is taken separately) so that the first render can
 * show the data at once (useApi takes it). Answers other than 200 are dropped: the page asks again.
 */
export async function primeFromBoot(): Promise<void> {
  const boot = (globalThis as { __zsBoot?: Boot }).__zsBoot;
  if (!boot) return;
  await Promise.all(
    Object.keys(boot.responses).map(async (url) => {
      const r = await takeBootResponse(url);
      if (r?.status !== 200) return;
      try {
        primed.set(url, await r.json());
      } catch {
        // not JSON: the page asks again
      }
    }),
  );
}

/** The primed answer for this URL, once, and only soon after the page loaded. */
export function takePrimed<T>(url: string): T | undefined {
  const v = primed.get(url) as T | undefined;
  primed.delete(url);
  const boot = (globalThis as { __zsBoot?: Boot }).__zsBoot;
  return boot && Date.now() - boot.started <= FRESH_MS ? v : undefined;
}

/**
 * Whatever boot.js asked before the session was known is of no use once it is known to be signed out (the
 * answers were refused, and after signing in they would be stale refusals): dropped.
 */
export function discardBoot(): void {
  const boot = (globalThis as { __zsBoot?: Boot }).__zsBoot;
  if (boot) boot.responses = {};
  primed.clear();
}

/** Once the session is known: signed in, the early answers are read for the first render; otherwise dropped. */
export async function settleBoot(signedIn: boolean): Promise<void> {
  if (signedIn) await primeFromBoot();
  else discardBoot();
}

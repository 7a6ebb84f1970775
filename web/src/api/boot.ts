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

import { AppError } from '../modules/app-error.js';

/** Errors a command reports to the user: message on stderr, a stable exit code (2 = bad input). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/** Wraps a command action so a CliError prints one clear line and exits with its code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      if (e instanceof CliError) {
        process.stderr.write(`错误 (error): ${e.message}\n`);
        process.exit(e.exitCode);
      }
      // a service's refusal (bad setting, policy, scope): its Chinese message and stable code, no stack
      if (e instanceof AppError && e.status < 500) {
        process.stderr.write(`错误 (${e.code}): ${e.message}\n`);
        process.exit(2);
      }
      throw e;
    }
  };
}

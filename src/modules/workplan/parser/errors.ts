/**
 * Input that cannot be turned into a plan at all. The code is stable (API responses and tests use it);
 * the message is Chinese, one line, and says what is wrong and what to do.
 */
export type WorkplanInputErrorCode =
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'UNSUPPORTED_ENCODING'
  | 'LEGACY_DOC' // an old binary Word .doc (or other OLE file), not .docx
  | 'DOCX_CORRUPT'
  | 'NO_MEASURES';

export class WorkplanInputError extends Error {
  override readonly name = 'WorkplanInputError';
  constructor(
    readonly code: WorkplanInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isWorkplanInputError(e: unknown): e is WorkplanInputError {
  return e instanceof WorkplanInputError;
}

// Public API of the work-plan parser. Import from here, not from the files behind it.
export type { Measure, NumberingStyle, ParsedPlan, ParseWarning, SectionNode, Target, UnitRole, WarningCode } from './types.js';
export { parsePlan } from './parse.js';
export { WorkplanInputError, isWorkplanInputError, type WorkplanInputErrorCode } from './errors.js';

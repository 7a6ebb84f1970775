// Public API of the work-plan parser. Import from here, not from the files behind it (except
// ./docx.js, kept out so that importing the parser does not load mammoth; planTextFromBytes loads it).
export type { Measure, NumberingStyle, ParsedPlan, ParseWarning, SectionNode, Target, UnitRole, WarningCode } from './types.js';
export { parsePlan } from './parse.js';
export { decodeText, type DecodedText, type TextEncoding } from './decode.js';
export { planTextFromBytes, parsePlanBytes, requireMeasures, type SourceFormat } from './input.js';
export { WorkplanInputError, isWorkplanInputError, type WorkplanInputErrorCode } from './errors.js';

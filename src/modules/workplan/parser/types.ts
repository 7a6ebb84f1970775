/**
 * Output types of the work-plan parser. Everything here is plain data (JSON-serialisable), so a parsed
 * plan can be stored, sent over HTTP or printed by `zengshou plan parse --json` unchanged.
 */

/** How a unit takes part in a measure: 牵头 (lead), 配合/协同/参与 (cooperating), 责任 (responsible). */
export type UnitRole = 'lead' | 'cooperating' | 'responsible';

/** Numbering styles, outermost first: 一、 / (一) / 1. / ⑴ or (1) / ①. */
export type NumberingStyle = 'cn' | 'paren_cn' | 'arabic' | 'paren_arabic' | 'circled';

/** A quantitative target stated by a measure, e.g. "2018年再建成10个…" → {year 2018, value 10, unit "个"}. */
export interface Target {
  /** The year the target is due (the last year of a range such as 2018—2020年). */
  year: number;
  /** The number as written (no scaling: "1.5万人" is value 1.5, unit "万人"). */
  value: number;
  unit: string;
  /** The clause the target comes from, as written. */
  text: string;
  /** True for a stock/total ("总数达到80家", "累计"), false for an increment ("再建成10个", "新增"). */
  cumulative: boolean;
}

/** A problem found while parsing. Nothing the parser cannot read is dropped silently: it becomes one of these. */
export interface ParseWarning {
  /** 1-based line of the input text (for .docx input: the paragraph number). */
  line: number;
  code: WarningCode;
  /** Chinese, for the administrator who maps or fixes the document. */
  message: string;
  /** `Measure.index` of the measure concerned, when there is one. */
  measure?: number;
}

export type WarningCode =
  | 'NO_MEASURES' // no numbered item names any unit
  | 'NO_TITLE'
  | 'NO_DOC_NUMBER'
  | 'NO_ISSUER'
  | 'NO_DATE'
  | 'UNIT_CLAUSE_UNREADABLE' // a bracket or line that looks like a unit clause but cannot be read
  | 'UNKNOWN_LABEL' // "X：…" inside a unit clause with a label the parser does not know
  | 'EMPTY_UNIT_LIST' // "牵头单位：" with nothing after it
  | 'UNBALANCED_BRACKET'
  | 'ETC_STRIPPED' // a unit list ended in 等; stripped, the measure's `etc` is true
  | 'DUPLICATE_UNIT'
  | 'MEASURE_WITHOUT_UNITS' // a numbered item among measures that names no unit
  | 'NUMBERING_GAP'; // 1, 2, 4 …: an item may have been lost

/** One numbered heading or item of the document (一、 / (一) / 1. / ⑴ / ①), with its children. */
export interface SectionNode {
  /** Normalised number: "二", "(一)", "1", "(1)", "①". */
  number: string;
  style: NumberingStyle;
  /** Depth in the tree, 1 for the outermost headings. */
  depth: number;
  /** First sentence (a heading without a full stop is its own title). */
  title: string;
  line: number;
  /** `Measure.index` when this node is a measure, otherwise null. */
  measure: number | null;
  children: SectionNode[];
}

/** One measure (具体措施): a numbered item that names the units responsible for it. */
export interface Measure {
  /** 1-based ordinal in document order (the 序号 of a 任务分工表). */
  index: number;
  /** Its own number, normalised: "1", "(一)", "(1)". */
  number: string;
  /** Numbers from the outermost heading down to this item: ["二", "(一)", "1"]. */
  path: string[];
  /** Titles aligned with `path`: ["激发七大重点群体活力", "技能人才激励计划", "完善技术工人薪酬激励机制"]. */
  pathTitles: string[];
  /** `path` joined: "二(一)1". Unique within a document unless the numbering repeats. */
  ref: string;
  /** First sentence, without its full stop. */
  title: string;
  /** The measure's full text without its number and without the unit clauses (paragraphs joined by "\n"). */
  text: string;
  /** Unit names as written (full- or half-width brackets kept), after stripping a trailing 等. */
  lead: string[];
  cooperating: string[];
  responsible: string[];
  /** True when a unit list ended in 等 (the list is open-ended). */
  etc: boolean;
  /** A deadline given in the clause (完成时限：…), as written; null when none. */
  deadline: string | null;
  /** 1-based line of the item's number. */
  line: number;
  /** Last line belonging to the item (before the next heading). */
  endLine: number;
  targets: Target[];
}

export interface ParsedPlan {
  /** The plan's own title (辽阳市…工作方案), not the covering notice's. */
  title: string | null;
  /** The covering notice's title (关于印发…的通知) when the text has one. */
  noticeTitle: string | null;
  /** Document number with 〔〕 brackets, e.g. 辽市政发〔2018〕15号. */
  docNumber: string | null;
  issuer: string | null;
  /** Date of issue (成文日期), ISO yyyy-mm-dd. */
  date: string | null;
  /** Text between the title and the first numbered heading. */
  preamble: string;
  sections: SectionNode[];
  /** Flat, in document order. */
  measures: Measure[];
  warnings: ParseWarning[];
}

import { cnToInt, cnYearToInt, halfWidthDigits, trimChars } from './text.js';

// Document metadata from the lines before the first heading (and the signature after the body).

const DOC_NO_RE = /([\u4e00-\u9fa5]{1,12})\s*[〔［\[【(（]\s*((?:19|20)\d{2})\s*[〕］\]】)）]\s*第?\s*(\d{1,4})\s*号/;
const DATE_RE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const CN_DATE_RE = /^([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/;
/** Document kinds a title ends with, optionally followed by (试行) or (2018—2020年). */
const TITLE_END_RE = /(?:方案|计划|意见|通知|办法|规划|纲要|措施|细则|规定|决定|要点|安排|分工|清单|政策|通告|公告|批复|函)(?:[(（][^()（）]{1,20}[)）])?$/;
const ORG_END_RE = /(?:人民政府|政府|办公厅|办公室|委员会|领导小组|局|厅|委|部|办|中心|院)$/;

/** Document number, brackets normalised to 〔〕: 辽市政发〔2018〕15号. */
export function findDocNumber(line: string): string | null {
  const m = DOC_NO_RE.exec(halfWidthDigits(line));
  if (!m) return null;
  // A number cited in running text is in brackets or quotes: (辽政发〔2017〕40号). Not this document's.
  const before = line.slice(0, m.index).trim();
  if (/[(（《“"]$/.test(before) || /[，,。；;]/.test(line)) return null;
  return `${m[1]}〔${m[2]}〕${Number(m[3])}号`;
}

/** A line that is only a date (optionally in brackets), as ISO yyyy-mm-dd; null otherwise. */
export function parseDateLine(line: string): string | null {
  const s = halfWidthDigits(trimChars(line, '(（)）'));
  let y: number, mo: number, d: number;
  let m = DATE_RE.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = CN_DATE_RE.exec(s))) {
    [y, mo, d] = [cnYearToInt(m[1]), cnToInt(m[2]), cnToInt(m[3])];
  } else {
    return null;
  }
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is only an organisation's name (the signature 辽阳市人民政府). */
export function isIssuerLine(line: string): boolean {
  const s = line.replace(/[\s\u3000]+/g, '');
  return s.length >= 4 && s.length <= 30 && /^[\u4e00-\u9fa5()（）]+$/.test(s) && ORG_END_RE.test(s) && !TITLE_END_RE.test(s);
}

/** A line that can be a document title: short, no sentence punctuation, ends in a document kind. */
export function isTitleLine(line: string): boolean {
  const s = line.trim();
  return s.length >= 4 && s.length <= 80 && !/[。；;：:！？]/.test(s) && TITLE_END_RE.test(s) && !findDocNumber(s);
}

/** 关于印发《X》的通知 → X. */
export function titleFromNotice(notice: string): string | null {
  const m = /^关于(?:印发|转发|下发|发布)[《〈]?(.+?)[》〉]?的(?:通知|通告)$/.exec(notice.trim());
  return m ? m[1] : null;
}

export interface HeaderFacts {
  title: string | null;
  noticeTitle: string | null;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  /** 0-based index of the plan title's line (the preamble follows it), or null. */
  titleLine: number | null;
}

/**
 * Reads title, notice title, document number, issuer and date from `lines` (the header, optionally
 * followed by the signature block; each with its 0-based index into the document).
 */
export function readHeader(header: { text: string; index: number }[], trailer: { text: string; index: number }[]): HeaderFacts {
  const facts: HeaderFacts = { title: null, noticeTitle: null, docNumber: null, issuer: null, date: null, titleLine: null };
  const nonBlank = header.filter((l) => l.text.trim() !== '');

  for (const l of nonBlank) {
    facts.docNumber ??= findDocNumber(l.text);
  }

  // Title: the plan's own title is the last title-like header line that is not a covering notice.
  for (let i = 0; i < nonBlank.length; i++) {
    let text = nonBlank[i].text.trim();
    if (!isTitleLine(text)) continue;
    // A long title wrapped over two lines: join a preceding bare line that is not itself a title.
    const prev = nonBlank[i - 1]?.text.trim();
    if (prev && prev.length >= 4 && !/[\s:：。，,；;]/.test(prev) && !isTitleLine(prev) && !isIssuerLine(prev) && !findDocNumber(prev) && !parseDateLine(prev)) {
      text = prev + text;
    }
    if (titleFromNotice(text)) {
      facts.noticeTitle = text;
    } else {
      facts.title = text;
      facts.titleLine = nonBlank[i].index;
    }
  }
  if (!facts.title && facts.noticeTitle) facts.title = titleFromNotice(facts.noticeTitle);

  // Issuer and date: a date-only line, preferably right under an organisation's name.
  const block = [...nonBlank, ...trailer.filter((l) => l.text.trim() !== '')];
  for (let i = 0; i < block.length && !facts.date; i++) {
    const d = parseDateLine(block[i].text);
    if (!d) continue;
    facts.date = d;
    if (i > 0 && isIssuerLine(block[i - 1].text)) facts.issuer = block[i - 1].text.replace(/[\s\u3000]+/g, '');
  }
  if (!facts.issuer) {
    const org = block.find((l) => isIssuerLine(l.text));
    if (org) facts.issuer = org.text.replace(/[\s\u3000]+/g, '');
  }
  return facts;
}

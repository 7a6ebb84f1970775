/**
 * Indicator formulas: + − × ÷ (also * /), parentheses, numbers and data-element codes such as
 * `survey.income_pc.urban`. An element may name an earlier period with `@-1` (one period before),
 * e.g. `admin.coop.land_share - admin.coop.land_share@-1` (new in the year). Pure.
 */
export type Node =
  | { kind: 'num'; value: number }
  | { kind: 'el'; code: string; lag: number }
  | { kind: 'neg'; arg: Node }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Node; right: Node };

export class FormulaError extends Error {
  constructor(message: string, readonly at: number) {
    super(message);
  }
}

type Token = { t: 'num'; v: number; at: number } | { t: 'el'; code: string; lag: number; at: number } | { t: 'op'; v: string; at: number };

const OPS: Record<string, string> = { '+': '+', '-': '-', '−': '-', '*': '*', '×': '*', '/': '/', '÷': '/', '(': '(', ')': ')', '（': '(', '）': ')' };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (OPS[c]) {
      out.push({ t: 'op', v: OPS[c], at: i });
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const el = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(@-(\d+))?/.exec(src.slice(i));
    if (el) {
      const code = el[0].replace(/@-\d+$/, '');
      out.push({ t: 'el', code, lag: el[3] ? Number(el[3]) : 0, at: i });
      i += el[0].length;
      continue;
    }
    throw new FormulaError(`公式第 ${i + 1} 个字符“${c}”无法识别`, i);
  }
  return out;
}

/** Parses a formula; throws FormulaError with a Chinese message and the position. */
export function parseFormula(src: string): Node {
  const toks = tokenize(src);
  let k = 0;
  const peek = () => toks[k];
  const expect = (v: string) => {
    const t = toks[k];
    if (!t || t.t !== 'op' || t.v !== v) throw new FormulaError(`公式缺少“${v}”`, t?.at ?? src.length);
    k++;
  };
  function expr(): Node {
    let left = term();
    for (let t = peek(); t && t.t === 'op' && (t.v === '+' || t.v === '-'); t = peek()) {
      k++;
      left = { kind: 'bin', op: t.v as '+' | '-', left, right: term() };
    }
    return left;
  }
  function term(): Node {
    let left = factor();
    for (let t = peek(); t && t.t === 'op' && (t.v === '*' || t.v === '/'); t = peek()) {
      k++;
      left = { kind: 'bin', op: t.v as '*' | '/', left, right: factor() };
    }
    return left;
  }
  function factor(): Node {
    const t = peek();
    if (!t) throw new FormulaError('公式不完整', src.length);
    k++;
    if (t.t === 'num') return { kind: 'num', value: t.v };
    if (t.t === 'el') return { kind: 'el', code: t.code, lag: t.lag };
    if (t.v === '-') return { kind: 'neg', arg: factor() };
    if (t.v === '(') {
      const e = expr();
      expect(')');
      return e;
    }
    throw new FormulaError(`公式第 ${t.at + 1} 个字符处不应出现“${t.v}”`, t.at);
  }
  if (toks.length === 0) throw new FormulaError('公式为空', 0);
  const node = expr();
  if (k < toks.length) throw new FormulaError(`公式第 ${toks[k].at + 1} 个字符处多余`, toks[k].at);
  return node;
}

/** The data elements a formula uses (with their lags). */
export function elementsOf(node: Node, out: { code: string; lag: number }[] = []): { code: string; lag: number }[] {
  if (node.kind === 'el') {
    if (!out.some((e) => e.code === node.code && e.lag === node.lag)) out.push({ code: node.code, lag: node.lag });
  } else if (node.kind === 'neg') elementsOf(node.arg, out);
  else if (node.kind === 'bin') {
    elementsOf(node.left, out);
    elementsOf(node.right, out);
  }
  return out;
}

/** Evaluates; a missing element (null) or a division by zero gives null. */
export function evaluate(node: Node, value: (code: string, lag: number) => number | null): number | null {
  switch (node.kind) {
    case 'num':
      return node.value;
    case 'el':
      return value(node.code, node.lag);
    case 'neg': {
      const a = evaluate(node.arg, value);
      return a === null ? null : -a;
    }
    case 'bin': {
      const a = evaluate(node.left, value);
      const b = evaluate(node.right, value);
      if (a === null || b === null) return null;
      if (node.op === '+') return a + b;
      if (node.op === '-') return a - b;
      if (node.op === '*') return a * b;
      return b === 0 ? null : a / b;
    }
  }
}

/** numerator ÷ denominator × factor, the indicator's value from its data elements. */
export function indicatorValue(def: { numerator: Node; denominator: Node | null; factor: number }, value: (code: string, lag: number) => number | null): number | null {
  const n = evaluate(def.numerator, value);
  if (n === null) return null;
  if (!def.denominator) return n * def.factor;
  const d = evaluate(def.denominator, value);
  if (d === null || d === 0) return null;
  return (n / d) * def.factor;
}

import type { Command } from 'commander';
import { CliError, action } from '../exit.js';

/**
 * `zengshou plan …`: work plans (工作方案). `plan parse FILE` reads a .txt or .docx plan and prints
 * what the parser finds. Other files may add subcommands (import, list, …) to the same command
 * through `planCommand(program)`, whatever order the command files load in.
 */
export function planCommand(program: Command): Command {
  return program.commands.find((c) => c.name() === 'plan') ?? program.command('plan').description('工作方案与督查督办 (work plans and their supervision)');
}

export function register(program: Command) {
  planCommand(program)
    .command('parse <file>')
    .description('解析工作方案（.txt 任意常见编码，或 .docx），列出措施及牵头、配合、责任单位 (parse a work plan)')
    .option('--json', '输出一个 JSON 对象（含 title, docNumber, issuer, date, sections, measures, warnings）')
    .action(action(async (file: string, o: { json?: boolean }) => parseCommand(file, o)));
}

async function parseCommand(file: string, o: { json?: boolean }) {
  const { readFile } = await import('node:fs/promises');
  const { parsePlanBytes, isWorkplanInputError } = await import('../../modules/workplan/parser/index.js');
  const { resolveUnit } = await import('../../modules/workplan/departments.js');

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`文件不存在: ${file}`);
    if (code === 'EISDIR') throw new CliError(`这是一个目录，不是文件: ${file}`);
    throw new CliError(`无法读取文件 ${file}: ${(e as Error).message}`);
  }
  let parsed: Awaited<ReturnType<typeof parsePlanBytes>>;
  try {
    parsed = await parsePlanBytes(bytes, file);
  } catch (e) {
    if (isWorkplanInputError(e)) throw new CliError(`${file}: ${e.message} (${e.code})`);
    throw e;
  }
  const { plan, format } = parsed;

  // Every distinct unit name, resolved against the department directory.
  const names = [...new Set(plan.measures.flatMap((m) => [...m.lead, ...m.cooperating, ...m.responsible]))];
  const units = names.map((name) => ({ name, ...resolveUnit(name) }));

  // `plan parse … | head`: a closed pipe ends the command quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  if (o.json) {
    process.stdout.write(JSON.stringify({ ...plan, source: { file, format }, units }, null, 2) + '\n');
    return;
  }
  process.stdout.write(formatPlan(plan, { file, format, units, width: process.stdout.columns || 160 }));
}

type PlanView = import('../../modules/workplan/parser/index.js').ParsedPlan;
type UnitView = { name: string; code: string | null; canonical: string; flagged: boolean };

/** The readable report: document facts, one table row per measure, warnings, unmapped units. */
export function formatPlan(plan: PlanView, o: { file: string; format: string; units: UnitView[]; width: number }): string {
  const out: string[] = [];
  out.push(`文件: ${o.file} (${o.format})`);
  out.push(`标题: ${plan.title ?? '（未识别）'}`);
  if (plan.noticeTitle) out.push(`印发通知: ${plan.noticeTitle}`);
  out.push(`文号: ${plan.docNumber ?? '（未识别）'}    发文机关: ${plan.issuer ?? '（未识别）'}    成文日期: ${plan.date ?? '（未识别）'}`);
  out.push(`措施: ${plan.measures.length} 项    警告: ${plan.warnings.length} 条`);
  out.push('');

  const rows = plan.measures.map((m) => [
    String(m.index),
    m.ref,
    String(m.line),
    m.title,
    m.lead.join('、'),
    [...m.cooperating, ...m.responsible.map((r) => `${r}[责]`)].join('、') + (m.etc ? ' 等' : ''),
    m.targets.map((t) => `${t.year}:${t.cumulative ? '累计' : ''}${t.value}${t.unit}`).join(' '),
  ]);
  const header = ['序号', '编号', '行', '措施', '牵头单位', '配合单位 / [责]责任单位', '目标'];
  // Fixed columns keep their natural width; 措施 and the unit columns share what is left.
  const natural = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const fixed = natural[0] + natural[1] + natural[2] + natural[6] + 2 * (header.length - 1);
  const room = Math.max(60, o.width - fixed);
  const caps = [Math.floor(room * 0.36), Math.floor(room * 0.22), Math.floor(room * 0.42)];
  const widths = [natural[0], natural[1], natural[2], Math.min(natural[3], caps[0]), Math.min(natural[4], caps[1]), Math.min(natural[5], caps[2]), natural[6]];
  const line = (cells: string[]) => cells.map((c, i) => pad(truncate(c, widths[i]), widths[i])).join('  ').trimEnd();
  out.push(line(header));
  out.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) out.push(line(r));

  if (plan.warnings.length) {
    out.push('', '警告:');
    for (const w of plan.warnings) out.push(`  第${w.line}行 [${w.code}] ${w.message}`);
  }
  const unknown = o.units.filter((u) => u.flagged);
  const aliased = o.units.filter((u) => !u.flagged && u.canonical !== u.name);
  if (aliased.length) {
    out.push('', '按别名对应的单位:');
    for (const u of aliased) out.push(`  ${u.name} → ${u.canonical} (${u.code})`);
  }
  if (unknown.length) {
    out.push('', `单位目录中没有的单位（${unknown.length} 个，需管理员对应）:`);
    for (const u of unknown) out.push(`  ${u.name}`);
  }
  return out.join('\n') + '\n';
}

/** Terminal columns a string takes: East Asian wide and full-width characters count 2. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c === 0x2500
  );
}

function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

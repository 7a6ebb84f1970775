import type { Command } from 'commander';
import { action, CliError } from '../exit.js';

/**
 * `zengshou calc FILE.json [--reform FILE] [--explain HOUSEHOLD] [--json]`: taxes and benefits of
 * one situation (issue 7). Input format and variables: docs/microsim-variables.md.
 */
export function register(program: Command) {
  program
    .command('calc')
    .description('政策计算 taxes and benefits of one situation (people and households in a JSON file)')
    .argument('<file>', 'situation JSON: {"year", "people": {id: inputs}, "households": {id: {"members", "area"}}, "reform"?}')
    .option('--reform <file>', 'reform file (YAML or JSON); replaces the situation\'s "reform"')
    .option('--explain <household>', 'also explain one household: each rule with its parameters and amounts')
    .option('--json', 'print one JSON object')
    .action(
      action(async (file: string, o: { reform?: string; explain?: string; json?: boolean }) => {
        const { readFileSync } = await import('node:fs');
        const { dirname, resolve } = await import('node:path');
        const { loadParameters, readReformFile } = await import('../../modules/microsim/params-files.js');
        const { buildSystem } = await import('../../modules/microsim/rules/index.js');
        const { parseSituation, computeSituation, SituationError } = await import('../../modules/microsim/situation.js');
        const { EngineError, explainHousehold } = await import('../../modules/microsim/engine/index.js');
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          throw new CliError(`cannot read ${file}`);
        }
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch (e) {
          throw new CliError(`${file} is not valid JSON: ${(e as Error).message}`);
        }
        try {
          const system = buildSystem(loadParameters());
          const readReform = (p: string) => readReformFile(resolve(dirname(file), p));
          const situation = parseSituation(system, doc, readReform);
          const reform = o.reform ? readReformFile(o.reform) : situation.reform;
          const result = computeSituation(system, situation, reform);
          const baseline = reform ? computeSituation(system, situation, undefined) : undefined;
          let explanation;
          if (o.explain !== undefined) {
            const h = situation.population.householdIds!.indexOf(o.explain);
            if (h < 0) throw new CliError(`--explain: no household ${o.explain} (households: ${situation.population.householdIds!.join(', ')})`);
            const targets = [...system.variables.values()].filter((v) => v.formula).map((v) => v.name);
            explanation = explainHousehold(system, situation.population, h, { year: situation.year, targets, reform });
          }
          if (o.json) {
            process.stdout.write(toJson({ ...result, ...(baseline ? { baseline: { people: baseline.people, households: baseline.households } } : {}), ...(explanation ? { explanation } : {}) }) + '\n');
            return;
          }
          process.stdout.write(summary(result, baseline) + '\n');
          if (explanation) {
            for (const s of explanation.steps) {
              process.stdout.write(`\n${s.variable} — ${s.label.zh} ${s.label.en}${s.refs ? `  [${s.refs.join('; ')}]` : ''}\n`);
              for (const u of s.parameters) process.stdout.write(`    ${u.name} = ${JSON.stringify(u.value)} (from ${u.from}; ${u.ref}${u.placeholder ? '; PLACEHOLDER' : ''})\n`);
              for (const v of s.values) process.stdout.write(`    ${v.id}: ${JSON.stringify(v.value)}\n`);
              for (const n of s.notes) process.stdout.write(`    note ${n.id}: ${n.text}\n`);
            }
          }
        } catch (e) {
          if (e instanceof SituationError || e instanceof EngineError) throw new CliError(e.message);
          throw e;
        }
      }),
    );
}

/** Indented JSON with arrays of numbers kept on one line. */
export function toJson(x: unknown): string {
  return JSON.stringify(x, null, 2).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_, body: string) => `[${body.split(/,\s*/).join(', ')}]`);
}

type Result = import('../../modules/microsim/situation.js').SituationResult;

function summary(r: Result, baseline?: Result): string {
  const f = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const lines = [`年度 year ${r.year}${r.reform ? `   改革 reform: ${r.reform.label.zh} (${r.reform.name})` : ''}`];
  for (const [id, p] of Object.entries(r.people)) {
    lines.push(`${id}: 个税全年 income tax ${f(p.iit_annual as number)}   年度汇算 settlement ${f(p.iit_settlement_annual as number)}`);
    lines.push(`    预扣预缴 withheld by month: ${(p.iit_withheld_monthly as number[]).map(f).join(' / ')}`);
  }
  for (const [id, h] of Object.entries(r.households)) {
    const base = baseline?.households[id]?.disposable_income_annual as number | undefined;
    lines.push(`${id}: 可支配收入 disposable income ${f(h.disposable_income_annual as number)}${base !== undefined ? ` (baseline ${f(base)})` : ''}   低保 per month: ${(h.dibao_monthly as number[]).map(f).join(' / ')}`);
  }
  if (r.placeholders.length) lines.push(`注意 placeholders in use (replace in params/): ${[...new Set(r.placeholders.map((p) => p.name))].join(', ')}`);
  return lines.join('\n');
}

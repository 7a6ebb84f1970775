/**
 * The only file access of the microsimulation: reads the programme parameter files
 * (params/*.yaml at the repository root) and reform files (YAML or JSON). Everything else is pure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParameterSet, parseParameterYaml, parseReformText, type ParameterFile, type Reform } from './engine/index.js';

export const PARAMS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../params');

/** Every params/*.yaml file, parsed (sorted by file name). */
export function readParameterFiles(dir = PARAMS_DIR): ParameterFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => parseParameterYaml(readFileSync(join(dir, f), 'utf8'), `params/${f}`));
}

export function loadParameters(dir = PARAMS_DIR): ParameterSet {
  return new ParameterSet(readParameterFiles(dir).flatMap((f) => f.parameters));
}

/** A reform file (.yaml, .yml or .json). */
export function readReformFile(path: string): Reform {
  return parseReformText(readFileSync(path, 'utf8'), path);
}

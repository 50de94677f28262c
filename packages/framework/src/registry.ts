import { DEFAULT_INSTRUMENT_ID } from '@leaderscope/vocabulary';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InstrumentValidationError, UnknownInstrumentError } from './errors';
import { parseInstrument } from './schema';
import { InstrumentDefinition, InstrumentSummary } from './types';

/** The id of the built-in leader-of-leaders instrument (defined in @leaderscope/vocabulary). */
export { DEFAULT_INSTRUMENT_ID };

/** Directory of the built-in instrument JSON files (packages/framework/instruments). */
export const BUILT_IN_INSTRUMENTS_DIR = join(__dirname, '..', 'instruments');

const FILE_PATTERN = /^([A-Za-z0-9][A-Za-z0-9._-]*)\.v(\d+)\.json$/;

let registry: Map<string, Map<number, InstrumentDefinition>> | null = null;

/** Reads a JSON instrument file and validates it; errors name the file. */
export function loadInstrumentFile(path: string): InstrumentDefinition {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InstrumentValidationError([{ path: '', message: `cannot read file: ${(e as Error).message}` }], path);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new InstrumentValidationError([{ path: '', message: `not valid JSON: ${(e as Error).message}` }], path);
  }
  return parseInstrument(json, path);
}

function load(): Map<string, Map<number, InstrumentDefinition>> {
  if (registry) return registry;
  const map = new Map<string, Map<number, InstrumentDefinition>>();
  for (const file of readdirSync(BUILT_IN_INSTRUMENTS_DIR).sort()) {
    const m = FILE_PATTERN.exec(file);
    if (!m) continue;
    const def = loadInstrumentFile(join(BUILT_IN_INSTRUMENTS_DIR, file));
    if (def.id !== m[1] || def.version !== Number(m[2]))
      throw new InstrumentValidationError(
        [{ path: 'id', message: `file name says ${m[1]} v${m[2]} but the file holds ${def.id} v${def.version}` }],
        file,
      );
    if (!map.has(def.id)) map.set(def.id, new Map());
    map.get(def.id)!.set(def.version, def);
  }
  registry = map;
  return map;
}

/**
 * A built-in instrument. Without `version` the latest version; old versions stay loadable so that
 * old cycles are always read with the instrument they ran on. Throws naming the id / version when unknown.
 */
export function getInstrument(id: string, version?: number): InstrumentDefinition {
  const versions = load().get(id);
  if (!versions) {
    const known = [...load().keys()].join(', ');
    throw new UnknownInstrumentError(`unknown instrument "${id}" (known: ${known || 'none'})`);
  }
  if (version === undefined) return versions.get(Math.max(...versions.keys()))!;
  const def = versions.get(version);
  if (!def)
    throw new UnknownInstrumentError(
      `instrument "${id}" has no version ${String(version)} (available: ${[...versions.keys()].sort((a, b) => a - b).join(', ')})`,
    );
  return def;
}

/** Every built-in instrument version, ordered by id then version. */
export function listInstruments(): InstrumentSummary[] {
  const out: InstrumentSummary[] = [];
  for (const [id, versions] of [...load().entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const latest = Math.max(...versions.keys());
    for (const v of [...versions.keys()].sort((a, b) => a - b)) {
      const def = versions.get(v)!;
      out.push({ id, version: v, name: def.name, latest: v === latest });
    }
  }
  return out;
}

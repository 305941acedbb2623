// Builds data/ontology/{cameo,plover}.json from the reference tables in ../shared/data/ontology.
// Keeps facts only (codes, short labels, Goldstein weights, quad classes, PLOVER types, modes, sectors
// and the CAMEO→PLOVER mapping); the long descriptions and example sentences are left out.
// Usage: node --import tsx scripts/build-ontology.ts [SOURCE_DIR]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = process.argv[2] ?? join(repo, '..', 'shared', 'data', 'ontology');
const outDir = join(repo, 'data', 'ontology');

interface CameoRow {
  code: string;
  root: string;
  level: number;
  label: string;
  goldstein: number | null;
  quadClass: number;
  plover: string | null;
  ploverMode: string | null;
}

/** CAMEO APPEAL (02) has no row-level mapping in the table; PLOVER folds appeals into REQUEST. */
const ROOT_FALLBACK: Record<string, string> = { '02': 'REQUEST' };

/**
 * Rows whose table mapping contradicts the PLOVER 2.0 type definitions: international sanctions and
 * embargoes are SANCTION's `discontinue` mode ("international (political or economic) sanctions are
 * coded as discontinue"), not COERCE, which the table carries over from CAMEO's "restrict".
 */
const PLOVER_OVERRIDES: Record<string, [string, string]> = { '163': ['SANCTION', 'discontinue'] };

function readTsv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const cols = (head ?? '').split('\t');
  return rows.map((r) => {
    const cells = r.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

function cameoRows(path: string): CameoRow[] {
  return readTsv(path).map((r) => {
    const root = r.root ?? '';
    // "CONCEDE/RETREAT" at root level: the root's default is its first type.
    const override = PLOVER_OVERRIDES[r.code ?? ''];
    const plover = override?.[0] ?? ((r.plover ?? '').split('/')[0] || ROOT_FALLBACK[root] || null);
    return {
      code: r.code ?? '',
      root,
      level: Number(r.level),
      label: r.label ?? '',
      goldstein: r.goldstein === '' ? null : Number(r.goldstein),
      quadClass: Number(r.quad_class),
      plover,
      ploverMode: override?.[1] ?? (r.plover_mode || null),
    };
  });
}

interface PloverSource {
  event_types: {
    name: string;
    quad_table: number;
    score: number;
    requires_recipient: boolean;
    modes: { name: string; score: number | null }[];
  }[];
  auxiliary_modes: string[];
  contexts: { name: string }[];
  sector_codes: { code: string }[];
  nonstate_country_codes: { code: string; name: string }[];
}

function ploverFacts(path: string) {
  const src = JSON.parse(readFileSync(path, 'utf8')) as PloverSource;
  return {
    types: src.event_types.map((t) => ({
      name: t.name,
      quadClass: t.quad_table,
      score: t.score,
      requiresRecipient: t.requires_recipient,
      modes: t.modes.map((m) => ({ name: m.name, score: m.score })),
    })),
    auxiliaryModes: src.auxiliary_modes,
    contexts: src.contexts.map((c) => c.name),
    sectors: src.sector_codes.map((s) => s.code),
    nonstateCodes: src.nonstate_country_codes.map((c) => ({ code: c.code, name: c.name })),
  };
}

const meta = {
  cameo: {
    source:
      'CAMEO 1.1b3 codebook (Schrodt, Event Data Project) and GDELT CAMEO lookups; CAMEO→PLOVER mapping from CAMEO2PLOVER-2021 and the PLOVER 2.0 manual root-code rule. Codes, short labels and weights only.',
    generatedBy: 'scripts/build-ontology.ts',
  },
  plover: {
    source: 'PLOVER manual, draft version 2.0 (Open Event Data Alliance, openeventdata/PLOVER)',
    licence: 'CC BY-SA 4.0',
    generatedBy: 'scripts/build-ontology.ts',
  },
};

/** Written as prettier would format it, so `npm test`'s format check passes after a rebuild. */
async function writeJson(name: string, value: unknown): Promise<void> {
  writeFileSync(join(outDir, name), await format(JSON.stringify(value), { parser: 'json' }));
}

mkdirSync(outDir, { recursive: true });
const cameo = cameoRows(join(sourceDir, 'cameo_codes.tsv'));
await writeJson('cameo.json', { _meta: meta.cameo, codes: cameo });
const plover = ploverFacts(join(sourceDir, 'plover.json'));
await writeJson('plover.json', { _meta: meta.plover, ...plover });
console.log(`wrote ${cameo.length} CAMEO codes and ${plover.types.length} PLOVER types to ${outDir}`);

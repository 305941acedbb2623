// The Phoenix name layer of the built-in knowledge base, compiled by the build step
// (dist/data/phoenix-layer.bin): each process and each reading thread would otherwise spend about
// 0.2 s converting and indexing 20,000 dictionary names. The file keeps the indexes' keys and prefixes
// as JSON lists and each person and organisation as its own JSON text, decoded when a look-up first
// returns it: a text names a handful of them, and decoding all (V8's serialisation of the objects)
// cost a process about as much as building them.
// The file names a digest of everything the layer is made from (the knowledge-base files and the
// modules that build it); a missing or stale file is ignored and the layer is built as before.
// Only the compiled program reads it: under tsx the sources may be newer than the last build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { replaceFile } from '../../replace-file.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { PhraseIndex, type PhraseStore } from '../phrase-index.ts';
import { KB_DIR } from './builtin.ts';
import { layerFirstNameWords, type NameLayer } from './phoenix.ts';
import type { CountryHitValue } from './knowledge-base.ts';
import type { OrgEntry, PersonEntry, RoleEntry } from './schema.ts';

export const COMPILED_LAYER_PATH = fileURLToPath(
  new URL('../../../../dist/data/phoenix-layer.bin', import.meta.url),
);
const COMPILED = import.meta.url.endsWith('.js');
const EXTENSION = COMPILED ? '.js' : '.ts';
/** The modules whose code decides the layer's content. */
const MODULES = [
  './phoenix',
  './knowledge-base',
  './builtin',
  './read-file',
  './schema',
  '../phrase-index',
  '../build-actor',
  '../text',
  '../../text/tokens',
];
const DIGEST_BYTES = 64;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Digest of the knowledge-base files and of the modules that build the layer from them. */
export function layerSourcesDigest(): string {
  const hash = createHash('sha256');
  for (const file of files(KB_DIR)) hash.update(file.slice(KB_DIR.length)).update(readFileSync(file));
  for (const module of MODULES)
    hash.update(module).update(readFileSync(fileURLToPath(new URL(module + EXTENSION, import.meta.url))));
  return hash.digest('hex');
}

/** An index of entries: its keys in order, the entry of each key, its prefixes. */
interface CompiledEntryIndex {
  keys: string;
  slots: Int32Array;
  prefixes: string;
  maxWords: number;
}

/** Entries as JSON texts one after another (UTF-8), and where each begins (one more: the end). */
interface CompiledEntries {
  texts: Uint8Array;
  offsets: Int32Array;
}

interface CompiledLayer {
  /** The entries in the order of the id maps. */
  people: CompiledEntries;
  orgs: CompiledEntries;
  personIndex: CompiledEntryIndex;
  orgIndex: CompiledEntryIndex;
  /** The country index's values are small: one JSON list of them, in key order. */
  countryIndex: { keys: string; values: string; prefixes: string; maxWords: number };
  olderRoles: string;
  /** The first words of the people's names (see NameLayer.firstNameWords), a JSON list. */
  firstNameWords?: string;
}

/** Phrase keys to slots of a list of entries, each decoded on first use and then kept (shared). */
class DecodedOnUse<T> implements PhraseStore<T> {
  constructor(
    private readonly slots: Map<string, number>,
    private readonly entry: (slot: number) => T,
  ) {}

  get(key: string): T | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : this.entry(slot);
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  set(key: string, value: T): this {
    // Not used on the dictionary layer (nothing is added to it); kept correct all the same.
    const slot = -1 - this.added.length;
    this.added.push(value);
    this.slots.set(key, slot);
    return this;
  }

  private readonly added: T[] = [];

  *entries(): IterableIterator<[string, T]> {
    for (const [key, slot] of this.slots) yield [key, slot < 0 ? this.added[-1 - slot]! : this.entry(slot)];
  }

  keys(): IterableIterator<string> {
    return this.slots.keys();
  }
}

function compileEntries(entries: unknown[]): CompiledEntries {
  const texts = entries.map((e) => Buffer.from(JSON.stringify(e), 'utf8'));
  const offsets = new Int32Array(texts.length + 1);
  texts.forEach((t, i) => (offsets[i + 1] = offsets[i]! + t.length));
  return { texts: Buffer.concat(texts), offsets };
}

/** Entry `slot`, parsed once. */
function decoder<T>({ texts, offsets }: CompiledEntries): (slot: number) => T {
  const bytes = Buffer.from(texts.buffer, texts.byteOffset, texts.byteLength);
  const decoded: T[] = [];
  return (slot) =>
    (decoded[slot] ??= JSON.parse(bytes.toString('utf8', offsets[slot], offsets[slot + 1])) as T);
}

function compileEntryIndex<T>(index: PhraseIndex<T>, slotOf: Map<T, number>): CompiledEntryIndex {
  const { phrases, prefixes, maxWords } = index.parts();
  const keys: string[] = [];
  const slots: number[] = [];
  for (const [key, value] of phrases.entries()) {
    const slot = slotOf.get(value);
    if (slot === undefined) throw new Error(`compiled layer: the entry of "${key}" has no id`);
    keys.push(key);
    slots.push(slot);
  }
  return {
    keys: JSON.stringify(keys),
    slots: Int32Array.from(slots),
    prefixes: JSON.stringify([...prefixes]),
    maxWords,
  };
}

function restoreEntryIndex<T>(compiled: CompiledEntryIndex, entry: (slot: number) => T): PhraseIndex<T> {
  const keys = JSON.parse(compiled.keys) as string[];
  const slots = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) slots.set(keys[i]!, compiled.slots[i]!);
  return PhraseIndex.fromParts({
    phrases: new DecodedOnUse(slots, entry),
    prefixes: new Set(JSON.parse(compiled.prefixes) as string[]),
    maxWords: compiled.maxWords,
  });
}

function compileLayer(layer: NameLayer): CompiledLayer {
  const people = [...layer.peopleById.values()];
  const orgs = [...layer.orgsById.values()];
  const country = layer.countryIndex.parts();
  return {
    people: compileEntries(people),
    orgs: compileEntries(orgs),
    personIndex: compileEntryIndex(layer.personIndex, new Map(people.map((p, i) => [p, i]))),
    orgIndex: compileEntryIndex(layer.orgIndex, new Map(orgs.map((o, i) => [o, i]))),
    countryIndex: {
      keys: JSON.stringify([...country.phrases.entries()].map(([key]) => key)),
      values: JSON.stringify([...country.phrases.entries()].map(([, value]) => value)),
      prefixes: JSON.stringify([...country.prefixes]),
      maxWords: country.maxWords,
    },
    olderRoles: JSON.stringify([...layer.olderRoles]),
    firstNameWords: JSON.stringify([...layerFirstNameWords(layer)]),
  };
}

function restoreLayer(compiled: CompiledLayer): NameLayer {
  const person = decoder<PersonEntry>(compiled.people);
  const org = decoder<OrgEntry>(compiled.orgs);
  const countryKeys = JSON.parse(compiled.countryIndex.keys) as string[];
  const countryValues = JSON.parse(compiled.countryIndex.values) as CountryHitValue[];
  const countries = new Map<string, CountryHitValue>();
  for (let i = 0; i < countryKeys.length; i++) countries.set(countryKeys[i]!, countryValues[i]!);
  // The id maps are for completeness (no look-up reads them): made, and every entry decoded, on use.
  let peopleById: Map<string, PersonEntry> | null = null;
  let orgsById: Map<string, OrgEntry> | null = null;
  return {
    personIndex: restoreEntryIndex(compiled.personIndex, person),
    orgIndex: restoreEntryIndex(compiled.orgIndex, org),
    countryIndex: PhraseIndex.fromParts({
      phrases: countries,
      prefixes: new Set(JSON.parse(compiled.countryIndex.prefixes) as string[]),
      maxWords: compiled.countryIndex.maxWords,
    }),
    get peopleById() {
      peopleById ??= new Map(
        Array.from({ length: compiled.people.offsets.length - 1 }, (_, i) => [person(i).id, person(i)]),
      );
      return peopleById;
    },
    get orgsById() {
      orgsById ??= new Map(
        Array.from({ length: compiled.orgs.offsets.length - 1 }, (_, i) => [org(i).id, org(i)]),
      );
      return orgsById;
    },
    olderRoles: new Map(JSON.parse(compiled.olderRoles) as [string, RoleEntry[]][]),
    // A file written before the list was kept has none: the words are then read from the people.
    ...(compiled.firstNameWords === undefined
      ? {}
      : { firstNameWords: JSON.parse(compiled.firstNameWords) as string[] }),
  };
}

/** The layer's content as plain data, to check a compiled layer reads back as what it was made from. */
export function layerContent(layer: NameLayer): unknown {
  const index = <T>(i: PhraseIndex<T>) => {
    const { phrases, prefixes, maxWords } = i.parts();
    return { phrases: [...phrases.entries()], prefixes: [...prefixes], maxWords };
  };
  return {
    personIndex: index(layer.personIndex),
    orgIndex: index(layer.orgIndex),
    countryIndex: index(layer.countryIndex),
    peopleById: [...layer.peopleById],
    orgsById: [...layer.orgsById],
    olderRoles: [...layer.olderRoles],
    firstNameWords: [...layerFirstNameWords(layer)].sort(),
  };
}

/**
 * Writes the layer (built from the built-in knowledge base alone) with the digest of its sources;
 * false (nothing written) when the compiled form would not read back exactly as the layer.
 */
export function writeCompiledLayer(layer: NameLayer, path = COMPILED_LAYER_PATH): boolean {
  const compiled = compileLayer(layer);
  if (!isDeepStrictEqual(layerContent(restoreLayer(compiled)), layerContent(layer))) return false;
  replaceFile(path, Buffer.concat([Buffer.from(layerSourcesDigest(), 'latin1'), serialize(compiled)]));
  return true;
}

/** The compiled layer when the compiled program runs and the file matches its sources, else null. */
export function compiledLayer(): NameLayer | null {
  return COMPILED ? readCompiledLayer(COMPILED_LAYER_PATH, layerSourcesDigest()) : null;
}

export function readCompiledLayer(path: string, digest: string): NameLayer | null {
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  if (bytes.toString('latin1', 0, DIGEST_BYTES) !== digest) return null;
  try {
    return restoreLayer(deserialize(bytes.subarray(DIGEST_BYTES)) as CompiledLayer);
  } catch {
    return null; // a damaged file: the layer is built as before
  }
}

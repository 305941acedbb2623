// Reads and validates one knowledge-base file; errors name the file, the entry and the field.
import { readFileSync } from 'node:fs';
import { SitrepError } from '../../../model/errors.ts';
import { actorSchemas, type ActorFile } from './schema.ts';

export function readActorFile(path: string): ActorFile {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SitrepError('not_found', `actor file ${path}: cannot be read`, { input: path, cause: error });
  }
  return parseActorFile(raw, path);
}

export function parseActorFile(raw: string, path: string): ActorFile {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SitrepError('config_invalid', `actor file ${path}: not valid JSON (${detail})`, {
      input: path,
    });
  }
  const result = actorSchemas().ActorFile.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = describePath(json, issue.path);
  throw new SitrepError('config_invalid', `actor file ${path}: ${where}: ${issue.message}`, { input: path });
}

/** "people[2] (Ebrahim Raisi) roles[0].from" — the entry's name helps find it in a long file. */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  if (!path.length) return 'top level (expected {"people": [...], "orgs": [...]})';
  let out = '';
  let node: unknown = json;
  for (const [i, part] of path.entries()) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    if (i === 1 && node && typeof node === 'object' && 'name' in node) {
      out += ` (${JSON.stringify((node as { name: unknown }).name)})`;
    }
  }
  return out;
}

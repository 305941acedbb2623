// Loads one input named on the command line or in a request: a file, a URL, or "-" for stdin.
// Size is capped before reading so a 40 MB file or an endless response never fills memory.
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { SitrepError } from '../model/errors.ts';
import type { RawInput } from '../extract/index.ts';
import { fetchPage, type FetchOptions } from './fetch-page.ts';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface LoadOptions extends FetchOptions {
  maxBytes?: number;
}

const TYPE_BY_EXTENSION: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/plain',
};

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

export async function loadInput(spec: string, options: LoadOptions = {}): Promise<RawInput> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (spec === '-') {
    return {
      bytes: await readStream(process.stdin, maxBytes, 'stdin'),
      contentType: null,
      url: null,
      name: 'stdin',
    };
  }
  if (isUrl(spec)) return fetchPage(spec, { ...options, maxBytes });
  return loadFile(spec, maxBytes);
}

async function loadFile(path: string, maxBytes: number): Promise<RawInput> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new SitrepError('not_found', `${path}: no such file`, { input: path, cause: error });
  }
  if (info.isDirectory())
    throw new SitrepError('invalid_input', `${path}: is a folder, not a file`, { input: path });
  if (info.size > maxBytes) {
    throw new SitrepError(
      'too_large',
      `${path}: ${formatBytes(info.size)} is larger than the limit of ${formatBytes(maxBytes)}`,
      { input: path },
    );
  }
  const handle = await open(path, 'r');
  try {
    const bytes = await handle.readFile();
    return {
      bytes,
      contentType: TYPE_BY_EXTENSION[extname(path).toLowerCase()] ?? null,
      url: null,
      name: path,
    };
  } finally {
    await handle.close();
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buffer.length;
    if (size > maxBytes) {
      throw new SitrepError('too_large', `${name}: more than the limit of ${formatBytes(maxBytes)}`, {
        input: name,
      });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.txt']);

/** Expands folders into the pages they hold (.html, .htm, .txt, recursively, sorted); other specs pass through. */
export async function expandInputs(specs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const spec of specs) {
    if (spec === '-' || isUrl(spec)) {
      out.push(spec);
      continue;
    }
    const info = await stat(spec).catch(() => null);
    if (info?.isDirectory()) out.push(...(await listPages(resolve(spec))));
    else out.push(spec);
  }
  return out;
}

async function listPages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listPages(path)));
    else if (PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

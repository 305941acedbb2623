// The built dashboard (web/dist, made by `npm run build:web`), read once into memory. Only these
// files are ever served (no path traversal); any other non-API path gets index.html, whose
// script routes in the browser.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

export interface WebFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** Built names carry a content hash: cache them for good. */
  immutable: boolean;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

export function loadWebFiles(root = WEB_DIST): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  if (!existsSync(root)) return files;
  for (const path of walk(root, [])) {
    const type = TYPES[extname(path)];
    if (!type) continue;
    const url = `/${relative(root, path).split(sep).join('/')}`;
    files.set(url, { body: new Uint8Array(readFileSync(path)), type, immutable: url.startsWith('/assets/') });
  }
  return files;
}

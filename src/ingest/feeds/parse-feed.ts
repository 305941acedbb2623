// One entry point for every format: decode the bytes, recognise the format by its root element
// (or a JSON object), hand the tree to that format's adapter.
import { SitrepError } from '../../model/index.ts';
import { decodeFeedBytes } from './decode.ts';
import { parseXml, type XmlElement } from './xml-tree.ts';
import { rssToFeed } from './rss.ts';
import { atomToFeed } from './atom.ts';
import { jsonToFeed } from './json-feed.ts';
import { collectElements } from './common.ts';
import type { Feed } from './model.ts';

export interface FeedSource {
  /** Raw bytes (decoded here) or text already decoded. */
  body: Buffer | string;
  contentType?: string | null;
  /** The feed's address: relative links resolve against it. */
  url?: string | null;
  /** How to name the input in messages. */
  name: string;
}

const ROOTS = new Set(['rss', 'rdf:rdf', 'rdf', 'feed', 'channel']);

/** The feed's root element, skipping stray markup before it (a PHP warning, an HTML wrapper). */
function findRoot(element: XmlElement, depth = 0): XmlElement | null {
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    if (ROOTS.has(node.name)) return node;
    if (depth < 3) {
      const found = findRoot(node, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

function adapt(root: XmlElement): Feed {
  if (root.name === 'feed') return atomToFeed(root);
  if (root.name === 'rss' || root.name === 'channel') return rssToFeed(root, 'rss');
  return rssToFeed(root, 'rdf');
}

function firstElementName(document: XmlElement): string | null {
  const first = document.children.find((n): n is XmlElement => typeof n !== 'string');
  return first ? first.name : null;
}

export function parseFeed(source: FeedSource): Feed {
  const text =
    typeof source.body === 'string' ? source.body : decodeFeedBytes(source.body, source.contentType).text;
  const start = text.search(/\S/);
  if (start < 0)
    throw new SitrepError('parse_failed', `${source.name}: empty document`, { input: source.name });
  if (text[start] === '{') return jsonToFeed(text, source.name, source.url ?? null);
  const document = parseXml(text, source.url ?? null, source.name);
  const root = findRoot(document);
  if (root) return adapt(root);
  // No feed root but entries or items (a fragment, or a root with an unexpected name).
  if (collectElements(document, ['entry']).length) return atomToFeed(document);
  if (collectElements(document, ['item']).length) return rssToFeed(document, 'rss');
  const found = firstElementName(document);
  throw new SitrepError(
    'parse_failed',
    `${source.name}: not a feed (${found ? `root element <${found}>` : 'no XML elements'}; expected RSS, Atom or JSON Feed)`,
    { input: source.name },
  );
}

// Page-level metadata from <meta> tags, JSON-LD, microdata and common markup, read before the
// tree is cleaned (cleaning removes <script> and <head> contents).
import type { Document, Element } from 'domhandler';
import { parseDate } from '../meta/dates.ts';
import { normaliseLanguageTag } from '../meta/language.ts';
import { type BylineParts, splitByline } from '../meta/byline.ts';
import { descendants, findFirst, normaliseSpace, spacedText, textOf } from './dom.ts';
import { type JsonObject, articleObject, jsonLdObjects, nameOf } from './json-ld.ts';

export interface HtmlMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  site: string | null;
  url: string | null;
  language: string | null;
  /** JSON-LD articleBody, when the page gives one. */
  jsonLdBody: string | null;
}

const META_TAGS = new Set(['meta', 'link', 'html', 'title', 'h1', 'time']);

export function readHtmlMetadata(doc: Document, inputUrl: string | null): HtmlMetadata {
  const tags = descendants(doc, META_TAGS);
  const meta = metaMap(tags);
  const ld = articleObject(jsonLdObjects(doc)) ?? {};
  const byline = readByline(doc, meta, ld);
  const site = tidySiteName(
    firstText(meta.get('og:site_name'), nameOf(ld.publisher), meta.get('application-name')),
  );
  return {
    title: readTitle(tags, meta, ld, site),
    byline: byline.name,
    published: readPublished(tags, meta, ld) ?? byline.date,
    site,
    url: readUrl(tags, meta, ld, inputUrl),
    language: readLanguage(tags, meta, ld),
    jsonLdBody: typeof ld.articleBody === 'string' ? ld.articleBody : null,
  };
}

/** "Autoracing | F1 | Indy" → "Autoracing"; "https://www.example.in" → "example.in". */
export function tidySiteName(site: string | null): string | null {
  if (!site) return null;
  if (/^https?:\/\//i.test(site)) {
    try {
      return new URL(site).hostname.replace(/^www\./, '');
    } catch {
      return site;
    }
  }
  return site.split(/\s+[|•·]\s+/)[0]!.trim() || site;
}

function metaMap(tags: Element[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of tags) {
    if (el.name !== 'meta') continue;
    const key = (
      el.attribs.property ??
      el.attribs.name ??
      el.attribs.itemprop ??
      el.attribs['http-equiv'] ??
      ''
    ).toLowerCase();
    const content = el.attribs.content?.trim();
    if (key && content && !map.has(key)) map.set(key, normaliseSpace(content));
  }
  return map;
}

function firstText(...values: (string | null | undefined)[]): string | null {
  for (const v of values) if (v && v.trim()) return normaliseSpace(v);
  return null;
}

function readTitle(
  tags: Element[],
  meta: Map<string, string>,
  ld: JsonObject,
  site: string | null,
): string | null {
  const h1 = tags.find((el) => el.name === 'h1' && normaliseSpace(textOf(el)).length > 3);
  const title = tags.find((el) => el.name === 'title');
  const raw = firstText(
    meta.get('og:title'),
    meta.get('twitter:title'),
    typeof ld.headline === 'string' ? ld.headline : null,
    h1 ? textOf(h1) : null,
    title ? textOf(title) : null,
  );
  return raw ? stripSiteName(raw, site) : null;
}

const TITLE_SEPARATOR = /\s+[|–—·•:-]{1,2}\s+|\s+::\s+/;

/** "Headline | Site" → "Headline" when a part is the site's name or a short brand tail. */
export function stripSiteName(title: string, site: string | null): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const siteKey = site?.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const isSite = (p: string): boolean =>
    Boolean(siteKey) && p.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') === siteKey;
  const kept = parts.filter((p) => !isSite(p));
  if (kept.length < parts.length && kept.length) return kept.join(' - ');
  const last = parts[parts.length - 1]!;
  const rest = title.slice(0, title.length - last.length).replace(/\s*[|–—·•:-]+\s*$/, '');
  const brandLike = last.split(/\s+/).length <= 3 && rest.length > last.length * 2;
  return brandLike && / [|–—·•] | - /.test(title.slice(rest.length)) ? rest : title;
}

function readByline(doc: Document, meta: Map<string, string>, ld: JsonObject): BylineParts {
  const fromMeta = [
    meta.get('author'),
    meta.get('article:author'),
    meta.get('parsely-author'),
    meta.get('sailthru.author'),
    meta.get('dc.creator'),
  ].find((v) => v && !/^https?:/.test(v));
  return splitByline(firstText(nameOf(ld.author), fromMeta, meta.get('byl'), markupByline(doc)));
}

const BYLINE_CLASS = /(^|[\s_-])(byline|author|author-name|byline__name|contributor)($|[\s_-])/i;

function markupByline(doc: Document): string | null {
  const el = findFirst(
    doc,
    (e) =>
      e.attribs.rel === 'author' ||
      e.attribs.itemprop === 'author' ||
      (BYLINE_CLASS.test(e.attribs.class ?? '') && normaliseSpace(textOf(e)).length < 100),
  );
  if (!el) return null;
  const name = findFirst(el, (e) => e.attribs.itemprop === 'name');
  const text = normaliseSpace(spacedText(name ?? el));
  return text.length > 1 && text.length < 160 ? text : null;
}

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'og:updated_time',
  'article:modified_time',
];

function readPublished(tags: Element[], meta: Map<string, string>, ld: JsonObject): string | null {
  for (const key of DATE_META.slice(0, -2)) {
    const date = parseDate(meta.get(key));
    if (date) return date;
  }
  const fromLd = parseDate(typeof ld.datePublished === 'string' ? ld.datePublished : null);
  if (fromLd) return fromLd;
  const times = tags.filter((el) => el.name === 'time');
  const preferred =
    times.find((t) => 'pubdate' in t.attribs || t.attribs.itemprop === 'datePublished') ?? times[0];
  const fromTime = preferred ? parseDate(preferred.attribs.datetime ?? textOf(preferred)) : null;
  return fromTime ?? parseDate(typeof ld.dateCreated === 'string' ? ld.dateCreated : null);
}

function readUrl(
  tags: Element[],
  meta: Map<string, string>,
  ld: JsonObject,
  inputUrl: string | null,
): string | null {
  const canonical = tags.find((el) => el.name === 'link' && /\bcanonical\b/i.test(el.attribs.rel ?? ''))
    ?.attribs.href;
  for (const candidate of [canonical, meta.get('og:url'), ldUrl(ld.mainEntityOfPage), ldUrl(ld.url)]) {
    const resolved = resolveUrl(candidate, inputUrl);
    if (resolved) return resolved;
  }
  return inputUrl && isWebUrl(inputUrl) ? inputUrl : null;
}

/** Only http(s) addresses are kept: a javascript: or data: "URL" must never become a link. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function ldUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return /^https?:/.test(value) ? value : undefined;
  if (value && typeof value === 'object') return ldUrl((value as JsonObject)['@id']);
  return undefined;
}

function resolveUrl(href: string | undefined, base: string | null): string | null {
  if (!href?.trim()) return null;
  try {
    const url = new URL(href.trim(), base ?? undefined).href;
    return isWebUrl(url) ? url : null;
  } catch {
    return null;
  }
}

function readLanguage(tags: Element[], meta: Map<string, string>, ld: JsonObject): string | null {
  const html = tags.find((el) => el.name === 'html');
  return (
    normaliseLanguageTag(html?.attribs.lang ?? html?.attribs['xml:lang']) ??
    normaliseLanguageTag(meta.get('content-language')) ??
    normaliseLanguageTag(meta.get('og:locale')) ??
    normaliseLanguageTag(typeof ld.inLanguage === 'string' ? ld.inLanguage : null)
  );
}

// Feed discovery from a site's HTML: <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">.
import { Parser } from 'htmlparser2';
import { resolveUrl } from './feeds/xml-tree.ts';

export interface DiscoveredFeed {
  url: string;
  type: string;
  title: string | null;
}

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|feed\+json|rdf\+xml|json)$|^text\/xml$/i;

export function discoverFeeds(html: string, pageUrl: string | null): DiscoveredFeed[] {
  const found: DiscoveredFeed[] = [];
  let base = pageUrl;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'base' && attrs.href) base = resolveUrl(attrs.href, pageUrl);
      if (name !== 'link' || !attrs.href) return;
      const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      const type = (attrs.type ?? '').trim().toLowerCase();
      if (!rels.includes('alternate') || !FEED_TYPES.test(type)) return;
      const url = resolveUrl(attrs.href, base);
      if (!found.some((f) => f.url === url)) found.push({ url, type, title: attrs.title ?? null });
    },
  });
  parser.end(html);
  return found;
}

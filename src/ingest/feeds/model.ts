// The app's model of a feed, whatever its wire format (RSS, RDF, Atom, JSON Feed).
export interface FeedItem {
  /** GUID, Atom id or JSON Feed id; null when the feed gives none. */
  id: string | null;
  /** Plain text: tags dropped, entities decoded, spaces collapsed. */
  title: string | null;
  /** Absolute when the feed or its address allows resolving it. */
  link: string | null;
  /** ISO 8601 (UTC). */
  published: string | null;
  author: string | null;
  /** Short HTML or text. */
  summary: string | null;
  /** The full HTML body when the feed carries one. */
  content: string | null;
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface Feed {
  format: FeedFormat;
  title: string | null;
  /** The site's address. */
  link: string | null;
  /** The feed's own address when it names one (atom:link rel=self, JSON feed_url). */
  self: string | null;
  /** Minutes between polls the publisher asks for (RSS ttl, sy:updatePeriod), when given. */
  ttlMinutes: number | null;
  items: FeedItem[];
}

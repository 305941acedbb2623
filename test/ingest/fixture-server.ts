// A local HTTP server for the fetching tests and the bench: feeds and pages with every behaviour a
// real server shows (304, slow answers, 429/503 with Retry-After, redirect chains, gzip/deflate/
// brotli, a wrong charset, a huge body, robots.txt, errors). Listens on 127.0.0.1, random port.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

export interface FixtureServer {
  url: string;
  /** Requests seen per path (with query). */
  hits: Map<string, number>;
  /** Headers of the last request per path. */
  lastHeaders: Map<string, IncomingMessage['headers']>;
  /** Changes what /changing.xml serves (its validators stay the same). */
  setVersion(n: number): void;
  close(): Promise<void>;
}

function rss(
  base: string,
  items: { guid?: string; link: string; title: string; content?: string }[],
  extra = '',
): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${base}${i.link}</link>${i.guid ? `<guid>${i.guid}</guid>` : ''}` +
        `<pubDate>Tue, 03 Jun 2025 09:39:21 GMT</pubDate>` +
        (i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : '') +
        `</item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Fixture news</title><link>${base}/</link>${extra}${body}</channel></rss>`;
}

const article = (n: number): string =>
  `<!doctype html><html><head><title>Story ${n}</title></head><body><article><h1>Story ${n}</h1>` +
  `<p>${'The council met on Tuesday to discuss the harbour budget and the new ferry timetable. '.repeat(8)}</p></article></body></html>`;

const longBody = `<p>${'Officials said the bridge would reopen in spring after repairs to its eastern span were finished. '.repeat(12)}</p>`;

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers });
  res.end(body);
}

function routes(state: { version: number }): Record<string, Handler> {
  const feed = (base: string): string =>
    rss(
      base,
      [1, 2, 3].map((n) => ({ guid: `story-${n}`, link: `/articles/${n}.html`, title: `Story ${n}` })),
    );
  return {
    '/robots.txt': (_q, res) =>
      send(res, 200, 'User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
    '/feed.xml': (req, res, base) => {
      const etag = '"feed-v1"';
      if (req.headers['if-none-match'] === etag) return send(res, 304, '', { etag });
      send(res, 200, feed(base), { etag, 'last-modified': 'Tue, 03 Jun 2025 09:40:00 GMT' });
    },
    '/changing.xml': (req, res, base) => {
      // Same validators whatever the content: a server that lies.
      const etag = '"always-the-same"';
      if (req.headers['if-none-match'] === etag) return send(res, 304, '', { etag });
      const items = Array.from({ length: state.version }, (_, i) => ({
        guid: `c-${i + 1}`,
        link: `/articles/${i + 1}.html`,
        title: `Change ${i + 1}`,
      }));
      send(res, 200, rss(base, items), { etag });
    },
    '/new-etag-same-body.xml': (_q, res, base) => send(res, 200, feed(base), { etag: `"${Math.random()}"` }),
    '/full-content.xml': (_q, res, base) =>
      send(
        res,
        200,
        rss(base, [{ guid: 'full-1', link: '/articles/full.html', title: 'Full', content: longBody }]),
      ),
    '/dupes.xml': (_q, res, base) =>
      send(
        res,
        200,
        rss(base, [
          { guid: 'a', link: '/articles/1.html', title: 'One' },
          { guid: 'a', link: '/articles/1.html?again', title: 'One again (same GUID)' },
          {
            guid: 'b',
            link: '/articles/1.html?utm_source=rss&amp;utm_medium=feed#top',
            title: 'One, tracked',
          },
          { guid: 'c', link: '/articles/2.html/', title: 'Two' },
          { guid: 'd', link: '/articles/2.html', title: 'Two, no slash' },
        ]),
      ),
    '/ttl.xml': (_q, res, base) => send(res, 200, rss(base, [], '<ttl>180</ttl>')),
    '/gone-pages.xml': (_q, res, base) =>
      send(
        res,
        200,
        rss(base, [
          {
            guid: 'g1',
            link: '/gone/1.html',
            title: 'Gone, with a short body',
            content: '<p>Only the teaser.</p>',
          },
          { guid: 'g2', link: '/gone/2.html', title: 'Gone, nothing else' },
        ]),
      ),
    '/site.html': (_q, res) =>
      send(
        res,
        200,
        '<!doctype html><html><head><title>Site</title><link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml"></head><body>Hi</body></html>',
        { 'content-type': 'text/html; charset=utf-8' },
      ),
    '/not-a-feed.html': (_q, res) =>
      send(
        res,
        200,
        '<!doctype html><html><head><title>No feed</title></head><body><p>Hello</p></body></html>',
        {
          'content-type': 'text/html',
        },
      ),
    '/slow.xml': (_q, res, base) => {
      const timer = setTimeout(() => send(res, 200, feed(base)), 15_000);
      res.on('close', () => clearTimeout(timer));
    },
    '/rate-limited.xml': (_q, res) => send(res, 429, 'slow down', { 'retry-after': '7200' }),
    '/unavailable.xml': (_q, res) =>
      send(res, 503, 'maintenance', { 'retry-after': new Date(Date.now() + 3 * 3600_000).toUTCString() }),
    '/error.xml': (_q, res) => send(res, 500, 'boom'),
    '/missing.xml': (_q, res) => send(res, 404, 'not here'),
    '/moved.xml': (_q, res) => send(res, 301, '', { location: '/moved-again.xml' }),
    '/moved-again.xml': (_q, res) => send(res, 308, '', { location: '/feed.xml' }),
    '/temporary.xml': (_q, res) => send(res, 302, '', { location: '/moved.xml' }),
    '/loop.xml': (_q, res) => send(res, 302, '', { location: '/loop.xml' }),
    '/gzip.xml': (_q, res, base) => send(res, 200, gzipSync(feed(base)), { 'content-encoding': 'gzip' }),
    '/deflate.xml': (_q, res, base) =>
      send(res, 200, deflateSync(feed(base)), { 'content-encoding': 'deflate' }),
    '/brotli.xml': (_q, res, base) =>
      send(res, 200, brotliCompressSync(feed(base)), { 'content-encoding': 'br' }),
    '/wrong-charset.xml': (_q, res, base) => {
      const text = rss(base, [
        { guid: 'q', link: '/articles/1.html', title: '\u201cQuoted\u201d caf\u00e9' },
      ]).replace(' encoding="utf-8"', '');
      send(res, 200, iconv.encode(text, 'windows-1252'), {
        'content-type': 'application/rss+xml; charset=utf-8',
      });
    },
    '/huge.xml': (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const write = (): void => {
        while (sent < 40 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      res.on('close', () => (sent = Infinity));
      write();
    },
    '/private/feed.xml': (_q, res, base) => send(res, 200, feed(base)),
  };
}

function bench(req: IncomingMessage, res: ServerResponse, base: string): boolean {
  // /bench/<n>.xml: a small distinct feed per number, for polling many feeds.
  const match = /^\/bench\/(\d+)\.xml$/.exec(req.url ?? '');
  if (!match) return false;
  const n = Number(match[1]);
  const items = [0, 1, 2, 3, 4].map((i) => ({
    guid: `bench-${n}-${i}`,
    link: `/bench/${n}/${i}.html`,
    title: `Feed ${n} item ${i}`,
    content: longBody,
  }));
  send(res, 200, rss(base, items));
  return true;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const state = { version: 1 };
  const table = routes(state);
  const hits = new Map<string, number>();
  const lastHeaders = new Map<string, IncomingMessage['headers']>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    lastHeaders.set(path, req.headers);
    if (bench(req, res, base)) return;
    const articleMatch = /^\/articles\/(\d+)\.html/.exec(path);
    if (articleMatch)
      return send(res, 200, article(Number(articleMatch[1])), { 'content-type': 'text/html; charset=utf-8' });
    if (/^\/(articles|bench)\//.test(path))
      return send(res, 200, article(0), { 'content-type': 'text/html' });
    const handler = table[path.split('?')[0] ?? ''];
    if (handler) handler(req, res, base);
    else send(res, 404, 'no such fixture', { 'content-type': 'text/plain' });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    hits,
    lastHeaders,
    setVersion: (n) => (state.version = n),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

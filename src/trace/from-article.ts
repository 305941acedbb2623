// What tracing needs from an extracted Article.
import type { Article } from '../model/index.ts';
import type { TraceInput } from './types.ts';

export function traceInputFromArticle(id: string, article: Article, site?: string | null): TraceInput {
  return {
    id,
    text: article.text,
    title: article.title,
    url: article.url,
    // extract falls back to the via line's name for the site; that names the source, not the publisher
    site: site ?? (article.site && article.site !== article.via?.name ? article.site : null),
    published: article.published,
    via: article.via,
    citedSources: article.citedSources,
  };
}

// What tracing needs from an extracted Article.
import type { Article } from '../model/index.ts';
import type { TraceInput } from './types.ts';

export function traceInputFromArticle(id: string, article: Article, site?: string | null): TraceInput {
  return {
    id,
    text: article.text,
    title: article.title,
    url: article.url,
    site: site ?? article.site,
    published: article.published,
    via: article.via,
    citedSources: article.citedSources,
  };
}

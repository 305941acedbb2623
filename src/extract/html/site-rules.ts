// Site-specific body selectors, as data (data/extract/site-rules.json: host → CSS selector), for
// sites whose markup defeats the general rules. The general extractor is the fallback.
import type { AnyNode, Document, Element } from 'domhandler';
import { selectAll } from 'css-select';
import { loadData } from '../data.ts';

interface SiteRules {
  rules: Record<string, string>;
}

export function applySiteRule(
  doc: Document,
  url: string | null,
  rules: Record<string, string> = loadData<SiteRules>('site-rules.json').rules,
): Element[] | null {
  const host = hostOf(url);
  if (!host) return null;
  const selector = ruleFor(host, rules);
  if (!selector) return null;
  const found = selectAll<AnyNode, Element>(selector, doc);
  return found.length ? found : null;
}

function ruleFor(host: string, rules: Record<string, string>): string | null {
  // "news.example.com" matches a rule for "example.com".
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const rule = rules[h];
    if (rule) return rule;
  }
  return null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

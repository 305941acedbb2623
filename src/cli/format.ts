// Human-readable renderings for the terminal.
import type { Reading } from '../model/index.ts';
import { terminalSafe } from './terminal-safe.ts';

export function formatReadable(reading: Reading, withUnderstanding: boolean): string {
  const { article } = reading;
  const lines: string[] = [];
  if (article.title) lines.push(article.title, '='.repeat(Math.min(article.title.length, 80)));
  const meta = [
    article.byline && `By ${article.byline}`,
    article.site,
    article.published,
    article.language && `lang ${article.language}`,
  ].filter(Boolean);
  if (meta.length) lines.push(meta.join(' · '));
  if (article.url) lines.push(article.url);
  if (article.via) lines.push(`via ${article.via.name}${article.via.url ? ` ${article.via.url}` : ''}`);
  if (article.citedSources.length) lines.push(`Sources cited: ${article.citedSources.join(', ')}`);
  lines.push('', article.text);
  if (article.captions.length) lines.push('', 'Captions:', ...article.captions.map((c) => `  - ${c}`));
  if (withUnderstanding) {
    if (reading.entities.length) {
      lines.push('', 'Entities:');
      for (const e of reading.entities) {
        const detail = [e.type, e.country, e.role].filter(Boolean).join(', ');
        lines.push(`  - ${e.name} (${detail}) ×${e.mentions.length}`);
      }
    }
    if (reading.quotes.length) {
      lines.push('', 'Quotes:');
      for (const q of reading.quotes)
        lines.push(`  - ${q.speaker?.name ?? 'unknown'} (${q.kind}): “${q.text}”`);
    }
    if (reading.events.length) {
      lines.push('', 'Events:');
      for (const e of reading.events) {
        lines.push(
          `  - ${e.source.name} ${e.plover ?? 'STATEMENT'}${e.cameo ? ` [${e.cameo}]` : ''} ${e.target?.name ?? ''} ${e.date ?? ''} (${e.modality})`.replace(
            /\s+\(/,
            ' (',
          ),
        );
      }
    }
  }
  return terminalSafe(lines.join('\n')) + '\n';
}

/** A plain text table; columns are cut to `width` characters. */
export function formatTable(
  headers: string[],
  rows: (string | number | null | undefined)[][],
  width = 60,
): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => truncate(c == null ? '' : String(c), width)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return (
    [line(cells[0] ?? []), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n') +
    '\n'
  );
}

export function truncate(text: string, width: number): string {
  const flat = terminalSafe(text).replace(/\s+/g, ' ').trim();
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
}

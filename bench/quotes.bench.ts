// Quote stage throughput: findQuotes over the Gender Gap Tracker texts when the shared data is present,
// otherwise over generated news-like text. Target: at least 1 MB of text per second on one core.
import { existsSync, readFileSync } from 'node:fs';
import { findQuotes } from '../src/understand/quotes/index.ts';
import type { BenchResult } from './run.ts';

const GGT = '../shared/data/quotes/ggt-dev.jsonl';

function sampleTexts(): { texts: string[]; source: string } {
  for (const path of [GGT, '/work/shared/data/quotes/ggt-dev.jsonl']) {
    if (!existsSync(path)) continue;
    const texts = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
    return { texts, source: 'ggt-dev texts' };
  }
  const para = [
    '"We will rebuild the bridge before winter," Mayor Ellen Park said on Monday.',
    'Park said the city had set aside money for the work, and officials said the contract would be signed soon.',
    'According to the transit agency, ridership fell by a third. "Nobody expected this," she said, "and we were not ready."',
    'Union leader Maria Costa told reporters that workers would strike if talks failed.',
  ].join('\n\n');
  return { texts: Array.from({ length: 400 }, (_, i) => `${para}\n\nStory ${i}.`), source: 'generated text' };
}

export default async function bench(): Promise<BenchResult> {
  const { texts, source } = sampleTexts();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (const t of texts.slice(0, 5)) findQuotes(t, []); // warm up
  const rounds = 8;
  let quotes = 0;
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const t of texts) quotes += findQuotes(t, []).length;
  const cpu = process.cpuUsage(cpu0);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = (bytes * rounds) / 1e6;
  return {
    name: 'quotes',
    rows: [
      {
        source,
        documents: texts.length,
        megabytes: Number((bytes / 1e6).toFixed(3)),
        rounds,
        seconds: Number(seconds.toFixed(3)),
        'MB/s': Number((mb / seconds).toFixed(2)),
        'MB/s (cpu time)': Number((mb / cpuSeconds).toFixed(2)),
        'quotes/doc': Number((quotes / rounds / texts.length).toFixed(1)),
      },
    ],
    notes: [
      'findQuotes alone, without entities; target ≥ 1 MB/s on one core',
      'MB/s (cpu time) divides by the process CPU time, which is steadier than wall time on a shared machine',
    ],
  };
}

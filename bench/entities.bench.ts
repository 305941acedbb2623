// Entity stage speed: findEntities over a news article repeated to about 60,000 tokens, after one
// warm-up pass (model and knowledge base loaded). Reports tokens per wall second and per CPU second
// (the machine may be shared; CPU time is what one core spends).
import { readFileSync } from 'node:fs';
import type { BenchResult } from './run.ts';
import { findEntities } from '../src/understand/entities/index.ts';
import { tokenize } from '../src/understand/text/index.ts';

const ARTICLE = new URL('../test/understand/entities/fixtures/article.txt', import.meta.url);

export default async function entitiesBench(): Promise<BenchResult> {
  const article = readFileSync(ARTICLE, 'utf8');
  const tokensPerArticle = tokenize(article).length;
  const repeats = Math.ceil(60_000 / tokensPerArticle);
  findEntities(article, { published: '2022-04-27' });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let entities = 0;
  for (let i = 0; i < repeats; i++) entities += findEntities(article, { published: '2022-04-27' }).length;
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const tokens = tokensPerArticle * repeats;
  return {
    name: 'entities',
    rows: [
      {
        articles: repeats,
        tokens,
        entitiesPerArticle: entities / repeats,
        'tokens/s (wall)': Math.round(tokens / wall),
        'tokens/s (cpu)': Math.round(tokens / cpuSeconds),
      },
    ],
    notes: ['target: at least 50,000 tokens/s on one core'],
  };
}

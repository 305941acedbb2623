// Event stage speed: sentences coded per second on one core, entities found beforehand.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findEntities } from '../src/understand/entities/index.ts';
import { findEvents } from '../src/understand/events/index.ts';
import { readText } from '../src/understand/text/index.ts';
import type { BenchResult } from './run.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = 40;

export default async (): Promise<BenchResult> => {
  const text = readFileSync(join(here, '..', 'test', 'fixtures', 'events', 'article.txt'), 'utf8');
  const published = '2024-03-14';
  const entities = findEntities(text, { published });
  const sentences = readText(text).plainSentences.length;
  findEvents(text, entities, { published }); // warm caches and the lexicon
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let events = 0;
  for (let i = 0; i < ROUNDS; i++) events += findEvents(text, entities, { published }).length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time, not wall time: on a shared machine it is what one core actually spent.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = Math.round((sentences * ROUNDS) / cpuSeconds);
  return {
    name: 'events',
    rows: [
      {
        sentences: sentences * ROUNDS,
        events,
        'wall s': Number(seconds.toFixed(3)),
        'cpu s': Number(cpuSeconds.toFixed(3)),
        'sentences/cpu-s': rate,
      },
    ],
    notes: ['target: ≥ 500 sentences/s on one core (issue 5); the rate uses CPU time, the machine is shared'],
  };
};

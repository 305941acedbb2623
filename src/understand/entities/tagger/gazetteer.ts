// Knowledge-base hits as tagger features: each token gets "B-<kind>" / "I-<kind>" for the name it is in.
import type { KnowledgeBase } from '../../actors/kb/knowledge-base.ts';
import { scanNames } from '../../actors/analyse.ts';
import type { Token } from '../../text/index.ts';

export function gazetteerTags(
  kb: KnowledgeBase,
  tokens: readonly Token[],
  names: ReturnType<typeof scanNames> = scanNames(kb, tokens as Token[]),
): string[] {
  const tags = new Array<string>(tokens.length).fill('');
  const mark = (from: number, to: number, kind: string) => {
    for (let i = from; i < to; i++) tags[i] = (i === from ? 'B-' : 'I-') + kind;
  };
  const { people, orgs, countries } = names;
  for (const p of people) mark(p.from, p.to, 'person');
  for (const o of orgs)
    mark(
      o.from,
      o.to,
      o.value.type === 'LOC' || o.value.type === 'GPE' ? 'region' : o.value.type === 'MISC' ? 'misc' : 'org',
    );
  for (const c of countries) mark(c.from, c.to, c.value.form === 'demonym' ? 'demonym' : 'country');
  for (const t of kb.titleIndex.scan(tokens)) if (!tags[t.from]) mark(t.from, t.to, 'title');
  return tags;
}

// Acts named as what someone undergoes: "X faced criticism from Y", "X's plan drew condemnation from
// Y", "X came under fire from Y". The clause's subject is the one criticised or threatened; the actor
// after "from" does the act. Without "from", the doer is not named ("drew criticism") and the noun is
// left as background (nominal.ts).
import type { EventActor } from '../../model/index.ts';
import type { ActorSpan } from './actors.ts';
import type { PatternMatch } from './lexicon.ts';
import type { Roles } from './roles.ts';
import { stem, type Token } from './text.ts';

/** Verbs whose object names an act done to their subject (as stems, as tokens carry them). */
const UNDERGOING = new Set(
  'face faced draw drew drawn spark prompt trigger attract provoke receive earn come came'
    .split(' ')
    .map(stem),
);
/** Codes of acts a subject can undergo by someone's words: criticism (11x) and threats (13x). */
const VERBAL = /^1[13]/;

/**
 * The actor after "from" that does an act named as undergone ("… drew criticism from Y"), when the
 * match is one: null when it is not, or when the doer is not named.
 */
export function undergoneDoer(
  match: PatternMatch,
  code: string,
  tokens: Token[],
  actors: ActorSpan[],
): ActorSpan | null {
  if (!VERBAL.test(code) || !undergone(match, tokens)) return null;
  for (let k = match.last; k < Math.min(tokens.length, match.last + 3); k++) {
    if (tokens[k]?.lower !== 'from') continue;
    const at = k + 1 + (/^(?:the|a|an)$/.test(tokens[k + 1]?.lower ?? '') ? 1 : 0);
    return actors.find((a) => a.actor && a.kind !== 'pronoun' && a.first === at) ?? null;
  }
  return null;
}

/** Whether the match is the object of an undergoing verb, or starts with one ("face ~ criticism"). */
function undergone(match: PatternMatch, tokens: Token[]): boolean {
  if (UNDERGOING.has(tokens[match.first]?.stem ?? '')) return true;
  // "drew sharp criticism", "came under fire": back over a determiner, adjectives or "under".
  for (let k = match.first - 1; k >= Math.max(0, match.first - 3); k--) {
    const t = tokens[k];
    if (!t || !/^\p{Ll}+$/u.test(t.text)) return false;
    if (UNDERGOING.has(t.stem)) return true;
  }
  return false;
}

/** Roles of an undergone act: the doer after "from" acts on the clause's subject. */
export function undergoneRoles(roles: Roles, doer: EventActor): Roles {
  const targets = roles.sources.length ? roles.sources : roles.targets.filter((t) => t !== doer);
  return { ...roles, sources: [doer], targets };
}

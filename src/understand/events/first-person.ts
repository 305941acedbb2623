// Quoted words in the first person: in '"We were misled," the minister said' or '"They attacked us,"
// the mayor said', "we"/"I" and "us"/"me" are the quote's speaker. The actor finder leaves first-person
// pronouns out (outside a quote they are the writer's), so an act whose subject or object is one has
// no actor there; where the reporting frame names the speaker, the speaker takes that role.
import type { EventActor } from '../../model/index.ts';
import type { EventClause } from './clauses.ts';
import type { Roles } from './roles.ts';
import type { Token } from './text.ts';

const FIRST_PERSON_SUBJECT = /^(?:we|i)$/;
const FIRST_PERSON_OBJECT = /^(?:us|me)$/;

/** Roles with the quote's speaker in place of a first-person subject or object the finder left empty. */
export function speakerInFirstPerson(
  roles: Roles,
  clause: EventClause | null,
  tokens: Token[],
  speaker: EventActor | null,
): Roles {
  if (!speaker || !clause) return roles;
  const subject = clause.subject;
  const firstPersonSubject =
    !!subject &&
    subject.last - subject.first === 1 &&
    FIRST_PERSON_SUBJECT.test(tokens[subject.first]?.lower ?? '');
  const object = clause.object;
  const firstPersonObject =
    !!object &&
    object.last - object.first === 1 &&
    FIRST_PERSON_OBJECT.test(tokens[object.first]?.lower ?? '');
  // "We were criticized": the subject of a passive is the one acted on.
  if (firstPersonSubject && clause.passive && !roles.targets.length)
    return { ...roles, targets: [speaker], subjectAt: subject.first };
  if (firstPersonSubject && !clause.passive && !roles.sources.length)
    return { ...roles, sources: [speaker], subjectAt: subject.first };
  if (firstPersonObject && !clause.passive && !roles.targets.length) return { ...roles, targets: [speaker] };
  return roles;
}

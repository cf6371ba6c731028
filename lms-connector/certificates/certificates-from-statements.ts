import { skillAreaForActivity, type CertificateRecord, type CertificateSkillAreaPattern } from '../../core';
import { PROFILE_VERSION_IRI } from '../statements';
import { VOIDED_VERB } from './certificate-verbs';
import { toLrsStatement, type LrsStatement } from './lrs-statement';
import type { PeopleByActor } from './people-by-actor';

export type { LrsStatement } from './lrs-statement';
type Activity = NonNullable<LrsStatement['object']>;

/**
 * Certificates for our people among statements read from an LRS, and the ids of statements voided there.
 * Left out: other people, Practica's own statements (they carry its profile, or are about its activities),
 * attempts that did not succeed, and anything without an id or a date.
 */
export function certificatesFromStatements(
  statements: readonly unknown[],
  options: {
    people: PeopleByActor;
    patterns: readonly CertificateSkillAreaPattern[];
    /** Activity ids under this prefix are Practica's own (the deployment's base URL). */
    ownActivityPrefix: string;
    target: string;
  },
): { records: CertificateRecord[]; voidedStatementIds: string[] } {
  const records: CertificateRecord[] = [];
  const voidedStatementIds: string[] = [];
  for (const raw of statements) {
    const statement = toLrsStatement(raw);
    if (!statement) continue;
    if (statement.verb?.id === VOIDED_VERB) {
      if (statement.object?.objectType === 'StatementRef' && statement.object.id)
        voidedStatementIds.push(statement.object.id);
      continue;
    }
    const object = statement.object;
    const issuedAt = new Date(statement.timestamp ?? statement.stored ?? '');
    if (!statement.id || !object?.id || Number.isNaN(issuedAt.getTime())) continue;
    if ((object.objectType ?? 'Activity') !== 'Activity') continue;
    if (isPractica(statement, options.ownActivityPrefix)) continue;
    if (statement.result?.success === false || statement.result?.completion === false) continue;
    const person = options.people.find(statement.actor);
    if (!person) continue;
    records.push({
      personId: person.id,
      name: displayName(object),
      issuer: statement.context?.platform ?? statement.authority?.name ?? null,
      activityId: object.id,
      skillArea: skillAreaForActivity(object.id, options.patterns),
      issuedAt,
      statementId: statement.id,
      source: `lrs:${options.target}`,
    });
  }
  return { records, voidedStatementIds };
}

function isPractica(statement: LrsStatement, ownActivityPrefix: string): boolean {
  const categories = statement.context?.contextActivities?.category ?? [];
  return (
    categories.some((category) => category.id === PROFILE_VERSION_IRI) ||
    (statement.object?.id ?? '').startsWith(ownActivityPrefix)
  );
}

function displayName(object: Activity): string {
  const names = object.definition?.name ?? {};
  const preferred = names.en ?? names['en-US'] ?? names['en-GB'] ?? Object.values(names)[0];
  return (preferred?.trim() || object.id || 'Certificate').slice(0, 300);
}

import { parseCsv } from '../certificates';
import { AppError } from '../errors';
import type { Person } from '../people';
import type { Clock, Ids, Store } from '../ports';

export const LMS_CSV_MAX_ROWS = 50_000;
const IDENTIFIER_MAX_LENGTH = 255;

/** Column names accepted for each field (compared lower-case, with spaces and dashes read as `_`). */
const PERSON_COLUMNS = ['upn', 'user_principal_name', 'userprincipalname', 'email', 'mail', 'work_email'];
const IDENTIFIER_COLUMNS = ['lms_identifier', 'lmsidentifier', 'lms_id', 'lms_user_id'];

/** Why a row was not applied: a stable code for programs, and a sentence for the admin. */
export type LmsIdentifierRowError = {
  line: number;
  code:
    | 'wrong_field_count'
    | 'person_missing'
    | 'unknown_person'
    | 'identifier_missing'
    | 'identifier_invalid'
    | 'identifier_taken'
    | 'duplicate_person';
  message: string;
};

export type LmsIdentifierImportResult = {
  rows: number;
  /** People whose identifier was set or changed. */
  applied: number;
  /** Rows naming the identifier the person already had. */
  unchanged: number;
  errors: LmsIdentifierRowError[];
};

/**
 * An L&D admin's CSV of LMS identifiers (one row per person: their UPN or email, and the identifier their
 * LMS knows them by). Good rows are applied and bad ones reported, each with its line and reason; an imported
 * identifier wins over the directory attribute from then on. Each change goes through `people.upsertProfile`
 * (so statements held for lack of an identifier are released) and is audited, all in one transaction.
 */
export async function importLmsIdentifiersCsv(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  adminId: string;
  csv: string;
}): Promise<LmsIdentifierImportResult> {
  const { store, tenantId } = options;
  const [header, ...rows] = parseCsv(options.csv);
  if (!header || rows.length === 0)
    throw new AppError(
      'invalid_input',
      'The CSV has no rows: a header line (upn or email, lms_identifier) and one line per person are needed.',
    );
  if (rows.length > LMS_CSV_MAX_ROWS)
    throw new AppError(
      'invalid_input',
      `The CSV has ${rows.length} rows; import at most ${LMS_CSV_MAX_ROWS} at a time.`,
    );
  const names = header.fields.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const personColumn = names.findIndex((name) => PERSON_COLUMNS.includes(name));
  const identifierColumn = names.findIndex((name) => IDENTIFIER_COLUMNS.includes(name));
  if (personColumn === -1 || identifierColumn === -1)
    throw new AppError(
      'invalid_input',
      `The CSV header needs ${[personColumn === -1 ? 'a upn or email column' : null, identifierColumn === -1 ? 'an lms_identifier column' : null].filter(Boolean).join(' and ')}; it has ${header.fields.join(', ') || 'no columns'}.`,
    );

  return store.transaction(async (tx) => {
    const people = await tx.people.list(tenantId);
    const byEmail = new Map<string, Person>();
    for (const person of people) {
      if (person.email) byEmail.set(person.email.toLowerCase(), person);
      if (person.userPrincipalName) byEmail.set(person.userPrincipalName.toLowerCase(), person);
    }
    const holderOf = new Map(
      people
        .filter((person) => person.lmsIdentifier)
        .map((person) => [person.lmsIdentifier as string, person.id]),
    );
    const seenPeople = new Map<string, number>();
    const errors: LmsIdentifierRowError[] = [];
    let applied = 0;
    let unchanged = 0;
    for (const row of rows) {
      const fail = (code: LmsIdentifierRowError['code'], message: string) =>
        errors.push({ line: row.line, code, message });
      if (row.fields.length !== header.fields.length) {
        fail('wrong_field_count', `has ${row.fields.length} fields; the header has ${header.fields.length}`);
        continue;
      }
      const who = row.fields[personColumn]?.trim() ?? '';
      const identifier = row.fields[identifierColumn]?.trim() ?? '';
      if (!who) {
        fail('person_missing', 'the UPN or email is empty');
        continue;
      }
      const person = byEmail.get(who.toLowerCase());
      if (!person) {
        fail('unknown_person', `no one in Practica has the UPN or email "${who}"`);
        continue;
      }
      if (!identifier) {
        fail('identifier_missing', 'the LMS identifier is empty');
        continue;
      }
      if (identifier.length > IDENTIFIER_MAX_LENGTH || /[\p{Cc}]/u.test(identifier)) {
        fail(
          'identifier_invalid',
          `the LMS identifier must be at most ${IDENTIFIER_MAX_LENGTH} printable characters`,
        );
        continue;
      }
      const earlierLine = seenPeople.get(person.id);
      if (earlierLine !== undefined) {
        fail('duplicate_person', `${who} already has a row at line ${earlierLine}`);
        continue;
      }
      const holder = holderOf.get(identifier);
      if (holder && holder !== person.id) {
        fail('identifier_taken', `the LMS identifier "${identifier}" already belongs to someone else`);
        continue;
      }
      seenPeople.set(person.id, row.line);
      if (person.lmsIdentifier === identifier && person.lmsIdentifierSource === 'import') {
        unchanged += 1;
        continue;
      }
      await tx.people.upsertProfile(tenantId, {
        tenantId,
        aadObjectId: person.aadObjectId,
        displayName: person.displayName,
        email: person.email,
        department: person.department,
        jobTitle: person.jobTitle,
        managerAadObjectId: person.managerAadObjectId ?? null,
        employeeId: person.employeeId,
        lmsIdentifier: identifier,
        lmsIdentifierSource: 'import',
        roles: person.roles,
      });
      if (person.lmsIdentifier) holderOf.delete(person.lmsIdentifier);
      holderOf.set(identifier, person.id);
      await tx.audit.append({
        id: options.ids.uuid(),
        tenantId,
        actorId: options.adminId,
        action: 'person.lms_identifier_imported',
        subjectPersonId: person.id,
        details: { line: row.line, previous: person.lmsIdentifier, lmsIdentifier: identifier },
        at: options.clock.now(),
      });
      applied += 1;
    }
    return { rows: rows.length, applied, unchanged, errors };
  });
}

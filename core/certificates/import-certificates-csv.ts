import { AppError, type AppErrorDetail } from '../errors';
import type { Person } from '../people';
import type { Clock, Ids, Store } from '../ports';
import type { CertificateRecord, CertificateSkillAreaPattern } from './certificate';
import { certificateRecordId } from './certificate-record-id';
import { parseCsv } from './parse-csv';
import { recordCertificates } from './record-certificates';
import { skillAreaForActivity } from './skill-area-for-activity';

export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_MAX_ROWS = 50_000;
const SHOWN_PROBLEMS = 10;

/** Column names an LMS export may use for each field (compared lower-case, spaces and dashes as `_`). */
const COLUMNS = {
  email: ['email', 'mail', 'work_email', 'upn'],
  lmsIdentifier: ['lms_identifier', 'lms_id', 'employee_id', 'user_id'],
  name: ['name', 'certificate', 'course', 'course_name', 'title'],
  issuedAt: ['issued_at', 'completed_at', 'completion_date', 'date', 'issued'],
  issuer: ['issuer', 'provider'],
  activityId: ['activity_id', 'course_id', 'url'],
  skillArea: ['skill_area'],
} as const;

export type CertificateCsvImportResult = {
  /** Good rows: those imported now and those imported before. */
  rows: number;
  added: number;
  alreadyKnown: number;
  /** Bad rows left out (only when `badRows` is 'skip'), each problem with its line. */
  skipped: number;
  problems: AppErrorDetail[];
};

/**
 * An L&D admin's certificate import for an LMS that cannot be queried. Every row must name a known person
 * (by email or LMS identifier), a certificate name and a date. With `badRows: 'refuse'` (the default) it is
 * all or nothing: any bad row stores nothing and every problem is listed by line. With 'skip' the good rows
 * are stored and the bad ones come back with their lines (a file with no good row is still refused).
 * Rows already imported are skipped, so the same file can be imported twice.
 */
export async function importCertificatesCsv(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  adminId: string;
  csv: string;
  patterns?: readonly CertificateSkillAreaPattern[];
  badRows?: 'refuse' | 'skip';
}): Promise<CertificateCsvImportResult> {
  const { store, clock, ids, tenantId } = options;
  if (new TextEncoder().encode(options.csv).length > CSV_MAX_BYTES)
    throw new AppError(
      'payload_too_large',
      `The CSV is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB; split it.`,
    );
  const [header, ...rows] = parseCsv(options.csv);
  if (!header || rows.length === 0)
    throw new AppError(
      'invalid_input',
      'The CSV has no certificates: a header line and one line per certificate are needed.',
    );
  if (rows.length > CSV_MAX_ROWS)
    throw new AppError(
      'invalid_input',
      `The CSV has ${rows.length} rows; import at most ${CSV_MAX_ROWS} at a time.`,
    );
  const column = columnFinder(header.fields);
  const missing = [
    column('email') === -1 && column('lmsIdentifier') === -1 ? 'email or lms_identifier' : null,
    column('name') === -1 ? 'name' : null,
    column('issuedAt') === -1 ? 'issued_at' : null,
  ].filter((name): name is string => name !== null);
  if (missing.length > 0)
    throw new AppError(
      'invalid_input',
      `The CSV header needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
    );

  const tenant = await store.tenants.get(tenantId);
  if (!tenant) throw new AppError('tenant_not_allowed', `Tenant ${tenantId} is not set up for Practica`);
  const skillAreas = new Set(tenant.settings.skillAreas.map((area) => area.id));
  const people = await store.people.list(tenantId);
  const byEmail = new Map(people.map((person) => [person.email.toLowerCase(), person]));
  const byLmsId = new Map(
    people.filter((person) => person.lmsIdentifier).map((person) => [person.lmsIdentifier?.trim(), person]),
  );
  const latest = clock.now().getTime() + 24 * 60 * 60 * 1000;

  const problems: AppErrorDetail[] = [];
  const records: CertificateRecord[] = [];
  for (const row of rows) {
    const problemsBefore = problems.length;
    const value = (key: keyof typeof COLUMNS) => row.fields[column(key)]?.trim() ?? '';
    const problem = (message: string) => problems.push({ path: `line ${row.line}`, message });
    if (row.fields.length !== header.fields.length) {
      problem(`has ${row.fields.length} fields; the header has ${header.fields.length}`);
      continue;
    }
    const person: Person | undefined =
      (value('email') && byEmail.get(value('email').toLowerCase())) ||
      (value('lmsIdentifier') && byLmsId.get(value('lmsIdentifier'))) ||
      undefined;
    if (!person)
      problem(
        `no one in Practica has the email or LMS identifier "${value('email') || value('lmsIdentifier')}"`,
      );
    const name = value('name');
    if (!name) problem('the certificate name is empty');
    else if (name.length > 300) problem('the certificate name is longer than 300 characters');
    const issuedAt = parseDate(value('issuedAt'));
    if (!issuedAt) problem(`"${value('issuedAt')}" is not a date (use 2026-03-31 or an ISO 8601 time)`);
    else if (issuedAt.getTime() > latest) problem(`${value('issuedAt')} is in the future`);
    const explicitArea = value('skillArea');
    if (explicitArea && !skillAreas.has(explicitArea))
      problem(`"${explicitArea}" is not one of this tenant's skill areas (${[...skillAreas].join(', ')})`);
    if (!person || !issuedAt || problems.length > problemsBefore) continue;
    const activityId = value('activityId') || null;
    records.push({
      personId: person.id,
      name,
      issuer: value('issuer') || null,
      activityId,
      skillArea: explicitArea || skillAreaForActivity(activityId, options.patterns ?? []),
      issuedAt,
      statementId: certificateRecordId({ tenantId, personId: person.id, name, issuedAt, activityId }),
      source: 'csv',
    });
  }
  const badLines = new Set(problems.map((detail) => detail.path));
  if (problems.length > 0 && (options.badRows !== 'skip' || records.length === 0)) {
    const badRows = new Set(problems.map((detail) => detail.path)).size;
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((detail) => `${detail.path}: ${detail.message}`);
    const more = problems.length > SHOWN_PROBLEMS ? ` (first ${SHOWN_PROBLEMS} problems shown)` : '';
    throw new AppError(
      'invalid_input',
      `Nothing was imported; ${badRows} row${badRows > 1 ? 's need' : ' needs'} fixing${more}: ${shown.join('; ')}.`,
      { details: problems },
    );
  }
  const { added } = await recordCertificates({
    store,
    clock,
    ids,
    tenantId,
    records,
    onRecorded: (tx, result) =>
      tx.audit.append({
        id: ids.uuid(),
        tenantId,
        actorId: options.adminId,
        action: 'certificates.imported_csv',
        subjectPersonId: null,
        details: { rows: records.length, added: result.added.length, skipped: badLines.size },
        at: clock.now(),
      }),
  });
  return {
    rows: records.length,
    added: added.length,
    alreadyKnown: records.length - added.length,
    skipped: badLines.size,
    problems,
  };
}

function columnFinder(header: string[]): (key: keyof typeof COLUMNS) => number {
  const normalised = header.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  return (key) => normalised.findIndex((name) => (COLUMNS[key] as readonly string[]).includes(name));
}

function parseDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? null : date;
}

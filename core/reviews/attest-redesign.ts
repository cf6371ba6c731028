import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { ATTESTATION_NOTE_MAX_CHARS } from './review';

export type Attestation = {
  id: string;
  personId: string;
  skillArea: string;
  note: string;
  attestedBy: string;
  at: Date;
};

/**
 * A manager records that a report redesigned a team process around AI (L4 evidence in one skill area): only
 * the person's manager, a skill area of the tenant, a note saying what changed. Written as a
 * `practice.attested` event (its id is the attestation's) with an audit entry, in one transaction.
 */
export async function attestRedesign(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  managerId: string;
  personId: string;
  skillArea: string;
  note: string;
}): Promise<Attestation> {
  const { store, tenantId, managerId } = options;
  const [person, tenant] = await Promise.all([
    store.people.get(tenantId, options.personId),
    store.tenants.get(tenantId),
  ]);
  if (!person) throw new AppError('not_found', 'No one in your organisation has that id.');
  if (person.id === managerId)
    throw new AppError('forbidden', 'You cannot attest your own work; your manager records it for you.');
  if (person.managerId !== managerId)
    throw new AppError(
      'forbidden',
      `Only ${person.displayName}'s manager can record that they redesigned a process around AI.`,
    );
  if (!person.active)
    throw new AppError(
      'conflict',
      `${person.displayName} has left, so nothing new can be recorded for them.`,
    );
  const areas = tenant?.settings.skillAreas ?? [];
  if (!areas.some((area) => area.id === options.skillArea))
    throw new AppError(
      'invalid_input',
      `"${options.skillArea}" is not one of your organisation's skill areas: ${areas.map((area) => area.id).join(', ')}.`,
    );
  const note = options.note.trim();
  if (note === '')
    throw new AppError('invalid_input', 'Please say in a note which process was redesigned and how.');
  if (note.length > ATTESTATION_NOTE_MAX_CHARS)
    throw new AppError(
      'invalid_input',
      `Please keep the note under ${ATTESTATION_NOTE_MAX_CHARS} characters (it has ${note.length}).`,
    );
  const attestation: Attestation = {
    id: options.ids.uuid(),
    personId: person.id,
    skillArea: options.skillArea,
    note,
    attestedBy: managerId,
    at: options.clock.now(),
  };
  await store.transaction(async (tx) => {
    await tx.events.append({
      id: attestation.id,
      tenantId,
      type: 'practice.attested',
      personId: person.id,
      sessionId: null,
      workflowId: null,
      occurredAt: attestation.at,
      data: { skillArea: attestation.skillArea, note, attestedBy: managerId },
    });
    await tx.audit.append({
      id: options.ids.uuid(),
      tenantId,
      actorId: managerId,
      action: 'practice.attested',
      subjectPersonId: person.id,
      details: { attestationId: attestation.id, skillArea: attestation.skillArea },
      at: attestation.at,
    });
  });
  return attestation;
}

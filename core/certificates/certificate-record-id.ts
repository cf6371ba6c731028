import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 8, from SHA-256) of a certificate's facts, for records that have no LRS
 * statement: the same person, name, date and activity always give the same id, so a re-import adds nothing.
 */
export function certificateRecordId(facts: {
  tenantId: string;
  personId: string;
  name: string;
  issuedAt: Date;
  activityId: string | null;
}): string {
  const hex = createHash('sha256')
    .update(
      JSON.stringify([
        facts.tenantId,
        facts.personId,
        facts.name.trim().toLowerCase(),
        facts.issuedAt.toISOString().slice(0, 10),
        facts.activityId ?? '',
      ]),
    )
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

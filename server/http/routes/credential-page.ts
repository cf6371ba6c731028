import type { VerificationOutcome } from '../../credentials';

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

const REASONS: Record<Exclude<VerificationOutcome, { verified: true }>['reason'], string> = {
  revoked: 'it has been revoked by its issuer',
  expired: 'it has expired: the practice it records has not been kept up',
  'not-yet-valid': 'it is not valid yet',
  'bad-signature': 'its signature does not match the issuer’s published key (it may have been altered)',
  'no-key': 'the issuer’s key could not be found',
  malformed: 'it could not be read as a signed credential',
};

type Shown = {
  issuer?: { name?: string; url?: string };
  validFrom?: string;
  validUntil?: string;
  credentialSubject?: {
    identifier?: { identityType?: string; identityHash?: string }[];
    achievement?: { name?: string; description?: string; criteria?: { narrative?: string } };
  };
  evidence?: { name?: string; description?: string }[];
};

const day = (iso: string | undefined) => (iso ? new Date(iso).toUTCString().slice(5, 16) : '—');

/** The human-readable verification page: what the credential says, and whether it verifies (and why not). */
export function credentialPage(outcome: VerificationOutcome): string {
  const shown = (outcome.credential ?? {}) as Shown;
  const holder = shown.credentialSubject?.identifier?.find((entry) => entry.identityType === 'name');
  const achievement = shown.credentialSubject?.achievement;
  const verdict = outcome.verified
    ? '<p class="ok">✔ This credential verifies: it was signed by its issuer, has not been altered, is in date and has not been revoked.</p>'
    : `<p class="bad">✘ This credential does not verify: ${escapeHtml(REASONS[outcome.reason])}.</p>`;
  const details = outcome.credential
    ? `<dl>
  <dt>Issuer</dt><dd>${escapeHtml(shown.issuer?.name)}${shown.issuer?.url ? ` (${escapeHtml(shown.issuer.url)})` : ''}</dd>
  <dt>Holder</dt><dd>${escapeHtml(holder?.identityHash ?? '—')}</dd>
  <dt>Achievement</dt><dd>${escapeHtml(achievement?.name)}<br>${escapeHtml(achievement?.description)}</dd>
  <dt>Criteria</dt><dd>${escapeHtml(achievement?.criteria?.narrative)}</dd>
  <dt>Valid from</dt><dd>${escapeHtml(day(shown.validFrom))}</dd>
  <dt>Valid until</dt><dd>${escapeHtml(day(shown.validUntil))}</dd>
  <dt>Evidence</dt><dd><ul>${(shown.evidence ?? [])
    .map((entry) => `<li><strong>${escapeHtml(entry.name)}</strong>: ${escapeHtml(entry.description)}</li>`)
    .join('')}</ul></dd>
</dl>`
    : '<p>Nothing more is shown about a revoked credential.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Credential verification</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
.ok{color:#0e700e;font-weight:600}.bad{color:#b10e1c;font-weight:600}dt{font-weight:600;margin-top:.75rem}dd{margin:0}</style>
</head><body><h1>Open Badges credential of practice</h1>
${verdict}
${details}
</body></html>`;
}

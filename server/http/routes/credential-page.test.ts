import { credentialPage } from './credential-page';

describe('the credential verification page', () => {
  const hostile = '<script>alert("x")</script>';
  const credential = {
    issuer: { name: `Contoso ${hostile}`, url: 'https://practica.contoso.com' },
    validFrom: '2026-03-17T09:00:00.000Z',
    validUntil: '2026-05-16T09:00:00.000Z',
    credentialSubject: {
      identifier: [{ identityType: 'name', identityHash: `Avery ${hostile}` }],
      achievement: { name: 'L2 Practises: R&D', criteria: { narrative: 'Three runs' } },
    },
    evidence: [{ name: `Memo ${hostile}`, description: '3 completed runs' }],
  };

  it('shows what the credential says with every value escaped', () => {
    const page = credentialPage({ verified: true, credential });
    expect(page).not.toContain('<script>');
    expect(page).toContain('Avery &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('L2 Practises: R&amp;D');
    expect(page).toContain('16 May 2026');
    expect(page).toContain('This credential verifies');
  });

  it('says why a credential does not verify, and shows nothing of a revoked one whose content is gone', () => {
    expect(credentialPage({ verified: false, reason: 'bad-signature', credential })).toContain(
      'does not verify: its signature does not match',
    );
    const revoked = credentialPage({ verified: false, reason: 'revoked', credential: null });
    expect(revoked).toContain('it has been revoked');
    expect(revoked).not.toContain('Avery');
  });
});

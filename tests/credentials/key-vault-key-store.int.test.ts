import { setupServer } from 'msw/node';
import { joseCredentialSigner, keyVaultKeyStore, KeyVaultError } from '../../server/credentials';
import { graphTokenProvider } from '../../server/directory';
import { parseCredentialKeyVaultConfig } from '../../server/config';
import { independentlyVerifies, type Jwk } from '../support/es256';
import { fakeKeyVault, VAULT_URL } from '../support/fake-key-vault';

const vault = fakeKeyVault();
const msw = setupServer(...vault.handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterAll(() => msw.close());

const TENANT = '7d9c1b2a-1111-4222-8333-444455556666';
const OTHER_TENANT = '7d9c1b2a-1111-4222-8333-777788889999';
const credential = {
  id: 'https://practica.contoso.com/credentials/11111111-1111-4111-8111-111111111111',
  issuer: { id: 'https://practica.contoso.com/credentials/tenants/t/issuer', name: 'Contoso' },
  credentialSubject: { id: 'urn:uuid:22222222-2222-4222-8222-222222222222', name: 'Avery Analyst' },
  validFrom: '2026-03-17T09:00:00.000Z',
  validUntil: '2026-05-16T09:00:00.000Z',
};

function store() {
  const tokens = graphTokenProvider({
    tenantId: 'f00dcafe-0000-4000-8000-000000000001',
    clientId: 'f00dcafe-0000-4000-8000-000000000002',
    clientSecret: 'not-a-real-secret',
    authorityUrl: 'https://login.microsoftonline.com',
    graphBaseUrl: 'https://vault.azure.net',
  });
  return keyVaultKeyStore({ vaultUrl: VAULT_URL, token: () => tokens.token() });
}

describe('credential signing keys in Azure Key Vault', () => {
  it('signs through the vault with a key made once per tenant, sending only a digest, and the VC-JWT verifies against the published key', async () => {
    const keys = store();
    const signer = joseCredentialSigner(keys);
    expect(await keys.publicKeys(TENANT)).toEqual([]);

    const jwt = await signer.sign(TENANT, credential);
    const again = await signer.sign(TENANT, credential);
    const published = (await keys.publicKeys(TENANT)) as Jwk[];
    expect(independentlyVerifies(jwt, published)).toBe(true);
    expect(independentlyVerifies(again, published)).toBe(true);
    expect(published).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' }),
    ]);
    expect(published[0]).not.toHaveProperty('d');

    // Another tenant has a key of its own: a credential of one does not verify with the other's key.
    const other = await signer.sign(OTHER_TENANT, credential);
    expect(independentlyVerifies(other, published)).toBe(false);
    expect(independentlyVerifies(other, (await keys.publicKeys(OTHER_TENANT)) as Jwk[])).toBe(true);

    const creates = vault.calls.filter((call) => call.operation === 'create').map((call) => call.name);
    expect(creates).toEqual([`practica-credentials-${TENANT}`, `practica-credentials-${OTHER_TENANT}`]);
    const signs = vault.calls.filter((call) => call.operation === 'sign');
    expect(signs).toHaveLength(3);
    for (const call of signs) {
      expect(Buffer.from(String(call.body?.value), 'base64url')).toHaveLength(32);
      expect(JSON.stringify(call.body)).not.toContain('Avery');
    }
  });

  it('reports a vault that refuses to sign as an error naming its status and code', async () => {
    const signer = joseCredentialSigner(store());
    vault.refuseSigning(403);
    try {
      const refused = signer.sign(TENANT, credential);
      await expect(refused).rejects.toBeInstanceOf(KeyVaultError);
      await expect(refused).rejects.toMatchObject({
        status: 403,
        message: expect.stringContaining('403 (Forbidden)'),
      });
    } finally {
      vault.refuseSigning(null);
    }
  });

  it('is configured by CREDENTIAL_KEY_VAULT_URL, reusing the bot registration unless its own is given, and refuses a non-https vault', () => {
    const fail = (message: string) => new Error(message);
    expect(parseCredentialKeyVaultConfig({}, fail)).toBeNull();
    expect(
      parseCredentialKeyVaultConfig(
        { CREDENTIAL_KEY_VAULT_URL: `${VAULT_URL}/`, TENANT_ID: 't', CLIENT_ID: 'c', CLIENT_SECRET: 's' },
        fail,
      ),
    ).toEqual({
      vaultUrl: VAULT_URL,
      tenantId: 't',
      clientId: 'c',
      clientSecret: 's',
      authorityUrl: 'https://login.microsoftonline.com',
    });
    expect(() => parseCredentialKeyVaultConfig({ CREDENTIAL_KEY_VAULT_URL: VAULT_URL }, fail)).toThrow(
      /CREDENTIAL_KEY_VAULT_TENANT_ID: required when CREDENTIAL_KEY_VAULT_URL is set/,
    );
    expect(() =>
      parseCredentialKeyVaultConfig({ CREDENTIAL_KEY_VAULT_URL: 'http://vault.local' }, fail),
    ).toThrow(/Invalid CREDENTIAL_KEY_VAULT_URL/);
  });
});

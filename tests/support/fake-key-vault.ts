import { generateKeyPairSync } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { signDigestP256 } from './es256';

export const VAULT_URL = 'https://practica-test.vault.azure.net';
export const VAULT_TOKEN = 'vault-access-token';

type StoredKey = { name: string; kid: string; x: string; y: string; d: string };

/**
 * Azure Key Vault's key operations (get, create EC P-256, sign ES256 over a digest) and the Entra token
 * endpoint, as msw handlers; keys are made with node:crypto and never leave the fake.
 */
export function fakeKeyVault() {
  const keys = new Map<string, StoredKey>();
  const calls: { operation: 'get' | 'create' | 'sign'; name: string; body?: Record<string, unknown> }[] = [];
  let refuseWith: number | null = null;
  const authorised = (request: Request) => request.headers.get('authorization') === `Bearer ${VAULT_TOKEN}`;
  const wire = (key: StoredKey) => ({ key: { kid: key.kid, kty: 'EC', crv: 'P-256', x: key.x, y: key.y } });
  const refusal = (status: number) =>
    HttpResponse.json(
      { error: { code: 'Forbidden', message: 'The user does not have keys sign permission' } },
      { status },
    );

  const handlers = [
    http.post('https://login.microsoftonline.com/:tenant/oauth2/v2.0/token', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      if (form.get('scope') !== 'https://vault.azure.net/.default')
        return HttpResponse.json({ error: 'invalid_scope' }, { status: 400 });
      return HttpResponse.json({ access_token: VAULT_TOKEN, token_type: 'Bearer', expires_in: 3600 });
    }),
    http.get(`${VAULT_URL}/keys/:name`, ({ request, params }) => {
      if (!authorised(request))
        return HttpResponse.json({ error: { code: 'Unauthorized' } }, { status: 401 });
      const name = String(params.name);
      calls.push({ operation: 'get', name });
      const key = keys.get(name);
      return key
        ? HttpResponse.json(wire(key))
        : HttpResponse.json({ error: { code: 'KeyNotFound' } }, { status: 404 });
    }),
    http.post(`${VAULT_URL}/keys/:name/create`, async ({ request, params }) => {
      if (!authorised(request))
        return HttpResponse.json({ error: { code: 'Unauthorized' } }, { status: 401 });
      const name = String(params.name);
      const body = (await request.json()) as Record<string, unknown>;
      calls.push({ operation: 'create', name, body });
      if (body.kty !== 'EC' || body.crv !== 'P-256')
        return HttpResponse.json({ error: { code: 'BadParameter' } }, { status: 400 });
      const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
      const key = {
        name,
        kid: `${VAULT_URL}/keys/${name}/0123456789abcdef`,
        x: jwk.x!,
        y: jwk.y!,
        d: jwk.d!,
      };
      keys.set(name, key);
      return HttpResponse.json(wire(key));
    }),
    http.post(`${VAULT_URL}/keys/:name/:version/sign`, async ({ request, params }) => {
      if (refuseWith) return refusal(refuseWith);
      if (!authorised(request))
        return HttpResponse.json({ error: { code: 'Unauthorized' } }, { status: 401 });
      const name = String(params.name);
      const body = (await request.json()) as { alg: string; value: string };
      calls.push({ operation: 'sign', name, body });
      const key = keys.get(name);
      const digest = Buffer.from(body.value, 'base64url');
      if (!key || body.alg !== 'ES256' || digest.length !== 32)
        return HttpResponse.json({ error: { code: 'BadParameter' } }, { status: 400 });
      return HttpResponse.json({ kid: key.kid, value: signDigestP256(digest, key.d).toString('base64url') });
    }),
  ];
  return {
    handlers,
    calls,
    refuseSigning: (status: number | null) => {
      refuseWith = status;
    },
  };
}

import { z } from 'zod';
import type { ApiClient } from './client';

const credentialSchema = z.object({
  id: z.string(),
  skillArea: z.string(),
  skillAreaName: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(['valid', 'revoked', 'expired', 'not-yet-valid']),
  url: z.string(),
  verificationUrl: z.string(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const parseCredentials = (body: unknown): Credential[] =>
  z.object({ credentials: z.array(credentialSchema) }).parse(body).credentials;

/** Saves the signed credential (VC-JWT) as a file, through the API (a link cannot carry the bearer token). */
export async function downloadCredential(api: ApiClient, credential: Credential): Promise<void> {
  const blob = await api.getFile(`/me/credentials/${credential.id}/download`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `practice-credential-${credential.skillArea.replace(/[^a-z0-9-]/gi, '-')}.jwt`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

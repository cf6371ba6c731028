/** Where the public credential routes live, under the deployment's base URL (no trailing slash). */
export const credentialUrls = (baseUrl: string) => ({
  credential: (credentialId: string) => `${baseUrl}/credentials/${credentialId}`,
  verification: (credentialId: string) => `${baseUrl}/credentials/${credentialId}/verify`,
  issuer: (tenantId: string) => `${baseUrl}/credentials/tenants/${tenantId}/issuer`,
  jwks: (tenantId: string) => `${baseUrl}/credentials/tenants/${tenantId}/jwks.json`,
  revocationList: (tenantId: string) => `${baseUrl}/credentials/tenants/${tenantId}/revocations`,
  achievement: (tenantId: string, skillArea: string) =>
    `${baseUrl}/credentials/tenants/${tenantId}/achievements/${encodeURIComponent(skillArea)}`,
});

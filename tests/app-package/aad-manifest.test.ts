import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROLE_ADMIN, APP_ROLE_AUTHOR } from '../../core';

const ROOT = join(__dirname, '..', '..');
const AAD_TEXT = readFileSync(join(ROOT, 'aad.manifest.json'), 'utf8');
const TEAMS_TEXT = readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

const TEAMS_DESKTOP_AND_MOBILE = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const TEAMS_WEB = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The Entra app registration in the Microsoft Graph application format the Agents Toolkit reads. */
type AadManifest = {
  appId: string;
  identifierUris: string[];
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: { id: string; value: string; type: string; isEnabled: boolean }[];
    preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
  };
  appRoles: { id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }[];
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
};

const aad = JSON.parse(AAD_TEXT) as AadManifest;
const teams = JSON.parse(TEAMS_TEXT) as { webApplicationInfo: { id: string; resource: string } };

describe('the Entra app registration (aad.manifest.json)', () => {
  it('uses only placeholders the Agents Toolkit fills for this project', () => {
    const used = new Set([...AAD_TEXT.matchAll(PLACEHOLDER)].map((match) => match[1]));
    expect([...used].sort()).toEqual([
      'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
      'AAD_APP_OBJECT_ID',
      'APP_NAME_SUFFIX',
      'BOT_DOMAIN',
      'BOT_ID',
    ]);
  });

  it('is the registration Teams SSO asks for: same client id and Application ID URI as the app package', () => {
    expect(aad.identifierUris).toEqual([teams.webApplicationInfo.resource]);
    expect(aad.identifierUris[0]).toMatch(/^api:\/\/\$\{\{[A-Z_]+\}\}\/\$\{\{[A-Z_]+\}\}$/);
    expect(aad.appId).toBe(teams.webApplicationInfo.id);
    expect(aad.identifierUris[0]).toBe(`api://\${{BOT_DOMAIN}}/${aad.appId}`);
  });

  it('issues v2 access tokens, which is what the server expects first', () => {
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
  });

  it('exposes access_as_user and pre-authorises the Teams desktop, mobile and web clients for it', () => {
    expect(aad.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({ value: 'access_as_user', type: 'User', isEnabled: true }),
    ]);
    const scopeId = aad.api.oauth2PermissionScopes[0]?.id;
    expect(aad.api.preAuthorizedApplications).toEqual([
      { appId: TEAMS_DESKTOP_AND_MOBILE, delegatedPermissionIds: [scopeId] },
      { appId: TEAMS_WEB, delegatedPermissionIds: [scopeId] },
    ]);
  });

  it('defines the app roles the server maps to admin and author, assignable to people only', () => {
    expect(aad.appRoles.map((role) => role.value)).toEqual([APP_ROLE_ADMIN, APP_ROLE_AUTHOR]);
    for (const role of aad.appRoles) {
      expect(role).toMatchObject({ allowedMemberTypes: ['User'], isEnabled: true });
      expect(role.id).toMatch(GUID);
    }
    expect(new Set(aad.appRoles.map((role) => role.id)).size).toBe(aad.appRoles.length);
  });

  it('asks Microsoft Graph for User.Read (sign-in) and User.Read.All (directory sync, admin consent)', () => {
    expect(aad.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: [
          { id: 'User.Read', type: 'Scope' },
          { id: 'User.Read.All', type: 'Role' },
        ],
      },
    ]);
  });
});

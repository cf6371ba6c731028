import type { LrsTargetRow } from '../../api/settings';

/** The LRS target dialog's fields; secrets are blank when editing (left blank, the stored one is kept). */
export type LrsTargetForm = {
  name: string;
  endpoint: string;
  authKind: 'basic' | 'oauth2';
  username: string;
  password: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  actorKind: 'account' | 'mbox';
  homePage: string;
  sendFailed: boolean;
};

export const emptyTargetForm: LrsTargetForm = {
  name: '',
  endpoint: '',
  authKind: 'basic',
  username: '',
  password: '',
  tokenUrl: '',
  clientId: '',
  clientSecret: '',
  scope: '',
  actorKind: 'account',
  homePage: '',
  sendFailed: false,
};

export function formOf(target: LrsTargetRow): LrsTargetForm {
  const { auth, actor } = target.settings;
  return {
    ...emptyTargetForm,
    name: target.name,
    endpoint: target.settings.endpoint,
    authKind: auth.kind,
    username: auth.kind === 'basic' ? auth.username : '',
    tokenUrl: auth.kind === 'oauth2' ? auth.tokenUrl : '',
    clientId: auth.kind === 'oauth2' ? auth.clientId : '',
    scope: auth.kind === 'oauth2' ? (auth.scope ?? '') : '',
    actorKind: actor.kind,
    homePage: actor.kind === 'account' ? actor.homePage : '',
    sendFailed: target.settings.sendFailed,
  };
}

/** The body of POST /admin/lrs/targets (with the name) or PUT /admin/lrs/targets/{name} (without). */
export function bodyOf(form: LrsTargetForm, withName: boolean): Record<string, unknown> {
  const secret = form.authKind === 'basic' ? form.password : form.clientSecret;
  const auth =
    form.authKind === 'basic'
      ? { kind: 'basic', username: form.username, ...(secret ? { password: secret } : {}) }
      : {
          kind: 'oauth2',
          tokenUrl: form.tokenUrl,
          clientId: form.clientId,
          ...(secret ? { clientSecret: secret } : {}),
          ...(form.scope.trim() ? { scope: form.scope.trim() } : {}),
        };
  return {
    ...(withName ? { name: form.name } : {}),
    endpoint: form.endpoint,
    auth,
    actor: form.actorKind === 'account' ? { kind: 'account', homePage: form.homePage } : { kind: 'mbox' },
    sendFailed: form.sendFailed,
  };
}

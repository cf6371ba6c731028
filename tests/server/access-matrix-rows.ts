import type { ManagerVisibility, Person } from '../../core';

export const PERSONAS = [
  'employee',
  'manager',
  'otherManager',
  'author',
  'admin',
  'outsiderAdmin',
  'anonymous',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** The demo tenant's people (and an admin of another tenant) and the records the rows point at. */
export type MatrixContext = {
  people: Record<Exclude<Persona, 'anonymous'>, Person>;
  /** Published by `author`. */
  workflowId: string;
  /** The employee's completed sessions, one shared for review and one not. */
  sharedSessionId: string;
  privateSessionId: string;
  lrsTarget: string;
};

type Request = { method: string; path: string; body?: unknown; contentType?: string };

export type MatrixRow = {
  name: string;
  method: string;
  /** The route pattern as the service registers it, below /api/v1. */
  route: string;
  request(context: MatrixContext, persona: Persona): Request;
  expect(persona: Persona, visibility: ManagerVisibility): number;
  /** Manager-facing answers are checked under each managerVisibility value. */
  underEveryVisibility?: boolean;
};

type SignedIn = Exclude<Persona, 'anonymous'>;
type Statuses = Partial<Record<SignedIn, number>> & { others: number };

/** Nobody signed in gets 401 from every endpoint; the rest as listed. */
const statuses =
  (listed: Statuses) =>
  (persona: Persona): number =>
    persona === 'anonymous' ? 401 : (listed[persona] ?? listed.others);

const get = (
  name: string,
  route: string,
  path: (context: MatrixContext) => string,
  expect: MatrixRow['expect'],
  underEveryVisibility = false,
): MatrixRow => ({
  name,
  method: 'GET',
  route,
  request: (context) => ({ method: 'GET', path: path(context) }),
  expect,
  underEveryVisibility,
});

const post = (
  name: string,
  route: string,
  request: (context: MatrixContext) => Omit<Request, 'method'>,
  expect: MatrixRow['expect'],
): MatrixRow => ({
  name,
  method: 'POST',
  route,
  request: (context) => ({ method: 'POST', ...request(context) }),
  expect,
});

const everyoneSignedIn = statuses({ others: 200 });
const adminsOfTheirOwnTenant = statuses({ admin: 200, outsiderAdmin: 200, others: 403 });
/** Anyone someone reports to (the employee's manager, and the manager of other people); nobody else. */
const managers = statuses({ manager: 200, otherManager: 200, others: 403 });

/** Routes that change a workflow: its author and admins; someone else's is 403, another tenant's 404. */
const workflowManagers = (status: number) =>
  statuses({ author: status, admin: status, outsiderAdmin: 404, others: 403 });

export function accessMatrix(): MatrixRow[] {
  return [
    get('GET /me', '/me', () => '/me', everyoneSignedIn),
    get('GET /me/profile', '/me/profile', () => '/me/profile', everyoneSignedIn),
    get(
      'GET /people/{id}/profile of the employee: themself and their manager, under every visibility',
      '/people/:id/profile',
      (context) => `/people/${context.people.employee.id}/profile`,
      statuses({ employee: 200, manager: 200, outsiderAdmin: 404, others: 403 }),
      true,
    ),
    get(
      "GET /people/{id}/profile of another tenant's person: nobody here, whatever their role",
      '/people/:id/profile',
      (context) => `/people/${context.people.outsiderAdmin.id}/profile`,
      statuses({ outsiderAdmin: 200, others: 404 }),
    ),
    get('GET /team', '/team', () => '/team', everyoneSignedIn, true),
    get('GET /team/coaching', '/team/coaching', () => '/team/coaching', managers, true),
    get(
      'GET /metrics/organisation (L&D admins)',
      '/metrics/organisation',
      () => '/metrics/organisation',
      adminsOfTheirOwnTenant,
    ),
    get('GET /metrics/team', '/metrics/team', () => '/metrics/team', managers),
    get('GET /metrics/me', '/metrics/me', () => '/metrics/me', everyoneSignedIn),
    get(
      'GET /workflows/{id}/insights',
      '/workflows/:id/insights',
      (context) => `/workflows/${context.workflowId}/insights`,
      statuses({ author: 200, admin: 200, outsiderAdmin: 404, others: 403 }),
    ),
    get('GET /audit (L&D admins)', '/audit', () => '/audit', adminsOfTheirOwnTenant),
    get('GET /reviews', '/reviews', () => '/reviews', everyoneSignedIn),
    get(
      'GET /sessions/{id}/deliverable shared for review: owner, manager (unless levels-only) and workflow author',
      '/sessions/:id/deliverable',
      (context) => `/sessions/${context.sharedSessionId}/deliverable`,
      (persona, visibility) =>
        statuses({
          employee: 200,
          manager: visibility === 'levels-only' ? 404 : 200,
          author: 200,
          others: 404,
        })(persona),
      true,
    ),
    get(
      'GET /sessions/{id} shared for review: owner, manager (unless levels-only) and workflow author',
      '/sessions/:id',
      (context) => `/sessions/${context.sharedSessionId}`,
      (persona, visibility) =>
        statuses({
          employee: 200,
          manager: visibility === 'levels-only' ? 404 : 200,
          author: 200,
          others: 404,
        })(persona),
      true,
    ),
    get(
      'GET /sessions/{id} not shared: its owner only',
      '/sessions/:id',
      (context) => `/sessions/${context.privateSessionId}`,
      statuses({ employee: 200, others: 404 }),
      true,
    ),
    get(
      'GET /sessions/{id}/deliverable not shared: its owner only',
      '/sessions/:id/deliverable',
      (context) => `/sessions/${context.privateSessionId}/deliverable`,
      statuses({ employee: 200, others: 404 }),
      true,
    ),
    post(
      'POST /sessions/{id}/share: its owner only',
      '/sessions/:id/share',
      (context) => ({ path: `/sessions/${context.sharedSessionId}/share` }),
      statuses({ employee: 200, others: 404 }),
    ),
    post(
      'POST /sessions/{id}/review: the manager and the workflow author',
      '/sessions/:id/review',
      (context) => ({
        path: `/sessions/${context.sharedSessionId}/review`,
        body: { scores: { accuracy: 4, clarity: 4, actions: 3 }, comment: 'Solid.' },
      }),
      statuses({ manager: 201, author: 201, employee: 403, others: 404 }),
    ),
    post(
      'POST /people/{id}/attestations: the manager only',
      '/people/:id/attestations',
      (context) => ({
        path: `/people/${context.people.employee.id}/attestations`,
        body: { skillArea: 'analysis', note: 'Month-end close now runs on the variance workflow.' },
      }),
      statuses({ manager: 201, outsiderAdmin: 404, others: 403 }),
    ),
    get('GET /workflows (the library)', '/workflows', () => '/workflows', everyoneSignedIn),
    get('GET /me/workflows (my own)', '/me/workflows', () => '/me/workflows', everyoneSignedIn),
    get(
      "GET /workflows/{id}: everyone in its tenant; another tenant's admin 404",
      '/workflows/:id',
      (context) => `/workflows/${context.workflowId}`,
      statuses({ outsiderAdmin: 404, others: 200 }),
    ),
    post(
      'POST /workflows (a new draft): authors and admins, in their own tenant',
      '/workflows',
      () => ({ path: '/workflows', body: { definition: { title: 'Access matrix draft' } } }),
      statuses({ author: 201, admin: 201, outsiderAdmin: 201, others: 403 }),
    ),
    get(
      "GET /workflows/{id}/draft: the workflow's author and admins",
      '/workflows/:id/draft',
      (context) => `/workflows/${context.workflowId}/draft`,
      workflowManagers(200),
    ),
    {
      name: "PUT /workflows/{id}/draft (an incomplete one): the workflow's author and admins",
      method: 'PUT',
      route: '/workflows/:id/draft',
      request: (context) => ({
        method: 'PUT',
        path: `/workflows/${context.workflowId}/draft`,
        body: { definition: { title: 'Access matrix memo, next version' } },
      }),
      expect: workflowManagers(200),
    },
    post(
      "POST /workflows/{id}/draft/validate: the workflow's author and admins",
      '/workflows/:id/draft/validate',
      (context) => ({ path: `/workflows/${context.workflowId}/draft/validate` }),
      workflowManagers(200),
    ),
    post(
      "POST /workflows/{id}/publish (the incomplete draft is refused with 422): the workflow's author and admins",
      '/workflows/:id/publish',
      (context) => ({ path: `/workflows/${context.workflowId}/publish` }),
      workflowManagers(422),
    ),
    post(
      'POST /workflows/{id}/start-in-chat: anyone of its tenant (409 until the bot has talked with them); another tenant 404',
      '/workflows/:id/start-in-chat',
      (context) => ({
        path: `/workflows/${context.workflowId}/start-in-chat`,
        body: { requestId: '00000000-0000-4000-8000-000000000001' },
      }),
      statuses({ outsiderAdmin: 404, others: 409 }),
    ),
    post(
      // Retires the matrix workflow: colleagues are asked before its author (PERSONAS order), and a second
      // retire changes nothing, so every persona's answer is the same wherever the row runs.
      "POST /workflows/{id}/retire: the workflow's author and admins",
      '/workflows/:id/retire',
      (context) => ({ path: `/workflows/${context.workflowId}/retire` }),
      workflowManagers(200),
    ),
    get('GET /me/certificates', '/me/certificates', () => '/me/certificates', everyoneSignedIn),
    get('GET /me/credentials', '/me/credentials', () => '/me/credentials', everyoneSignedIn),
    get(
      'GET /me/credentials/{id}/download of a credential nobody signed in holds: 404 for everyone',
      '/me/credentials/:id/download',
      () => '/me/credentials/6f1c2b3a-0000-4000-8000-000000000001/download',
      statuses({ others: 404 }),
    ),
    post(
      "POST /admin/certificates/import: admins; another tenant's admin cannot name our people (400)",
      '/admin/certificates/import',
      () => ({
        path: '/admin/certificates/import',
        body: 'email,name,issued_at\njordan.ellis@northwind.example,Access matrix course,2026-03-02\n',
        contentType: 'text/csv',
      }),
      statuses({ admin: 200, outsiderAdmin: 400, others: 403 }),
    ),
    get('GET /admin/settings', '/admin/settings', () => '/admin/settings', adminsOfTheirOwnTenant),
    {
      name: 'PATCH /admin/settings: admins, each in their own tenant',
      method: 'PATCH',
      route: '/admin/settings',
      request: () => ({ method: 'PATCH', path: '/admin/settings', body: { nudgesEnabled: true } }),
      expect: adminsOfTheirOwnTenant,
    },
    get(
      'GET /admin/nudges/reach',
      '/admin/nudges/reach',
      () => '/admin/nudges/reach',
      adminsOfTheirOwnTenant,
    ),
    get('GET /admin/lrs/targets', '/admin/lrs/targets', () => '/admin/lrs/targets', adminsOfTheirOwnTenant),
    get(
      'GET /admin/lrs/targets/{target}/dead-letters',
      '/admin/lrs/targets/:target/dead-letters',
      (context) => `/admin/lrs/targets/${context.lrsTarget}/dead-letters`,
      adminsOfTheirOwnTenant,
    ),
    post(
      'POST /admin/lrs/targets/{target}/requeue',
      '/admin/lrs/targets/:target/requeue',
      (context) => ({ path: `/admin/lrs/targets/${context.lrsTarget}/requeue`, body: {} }),
      adminsOfTheirOwnTenant,
    ),
    post(
      'POST /admin/lrs/targets/{target}/pause',
      '/admin/lrs/targets/:target/pause',
      (context) => ({ path: `/admin/lrs/targets/${context.lrsTarget}/pause`, body: { reason: 'matrix' } }),
      adminsOfTheirOwnTenant,
    ),
    post(
      'POST /admin/lrs/targets/{target}/resume',
      '/admin/lrs/targets/:target/resume',
      (context) => ({ path: `/admin/lrs/targets/${context.lrsTarget}/resume`, body: {} }),
      adminsOfTheirOwnTenant,
    ),
    get('GET /admin/directory', '/admin/directory', () => '/admin/directory', adminsOfTheirOwnTenant),
    post(
      'POST /admin/directory/sync: admins, refused with 409 while directory sync is not configured',
      '/admin/directory/sync',
      () => ({ path: '/admin/directory/sync', body: {} }),
      statuses({ admin: 409, outsiderAdmin: 409, others: 403 }),
    ),
    post(
      'POST /admin/people/lms-identifiers (a CSV naming nobody: nothing changes)',
      '/admin/people/lms-identifiers',
      () => ({
        path: '/admin/people/lms-identifiers',
        body: 'upn,lms_identifier\nnobody@nowhere.example,matrix\n',
        contentType: 'text/csv',
      }),
      adminsOfTheirOwnTenant,
    ),
    get('GET /me/export', '/me/export', () => '/me/export', everyoneSignedIn),
    get(
      'GET /admin/people/{id}/export of the employee: L&D admins of their tenant',
      '/admin/people/:id/export',
      (context) => `/admin/people/${context.people.employee.id}/export`,
      statuses({ admin: 200, outsiderAdmin: 404, others: 403 }),
    ),
    post(
      'POST /admin/people/{id}/erase with the wrong confirmation: admins get past the role check, nothing is erased',
      '/admin/people/:id/erase',
      (context) => ({
        path: `/admin/people/${context.people.employee.id}/erase`,
        body: { confirmEmail: 'someone.else@northwind.example' },
      }),
      statuses({ admin: 400, outsiderAdmin: 404, others: 403 }),
    ),
    ...lrsTargetRows(),
  ];
}

/** Each admin adds, changes, tests and removes a target of their own tenant; nobody reaches another tenant's. */
function lrsTargetRows(): MatrixRow[] {
  const nameFor = (persona: Persona) => `matrix_${persona.toLowerCase()}`;
  const settings = {
    endpoint: 'http://127.0.0.1:9/xapi/',
    auth: { kind: 'basic', username: 'practica', password: 'matrix-secret' },
    actor: { kind: 'mbox' },
  };
  const ownTarget = (status: number) => statuses({ admin: status, outsiderAdmin: status, others: 403 });
  return [
    {
      name: 'POST /admin/lrs/targets',
      method: 'POST',
      route: '/admin/lrs/targets',
      request: (_context, persona) => ({
        method: 'POST',
        path: '/admin/lrs/targets',
        body: { name: nameFor(persona), ...settings },
      }),
      expect: ownTarget(201),
    },
    {
      name: 'PUT /admin/lrs/targets/{name} of their own tenant',
      method: 'PUT',
      route: '/admin/lrs/targets/:name',
      request: (_context, persona) => ({
        method: 'PUT',
        path: `/admin/lrs/targets/${nameFor(persona)}`,
        body: { ...settings, sendFailed: true },
      }),
      expect: ownTarget(200),
    },
    {
      name: "PUT /admin/lrs/targets/{name} of the demo tenant's admin: another tenant's admin cannot",
      method: 'PUT',
      route: '/admin/lrs/targets/:name',
      request: () => ({ method: 'PUT', path: `/admin/lrs/targets/${nameFor('admin')}`, body: settings }),
      expect: statuses({ admin: 200, outsiderAdmin: 404, others: 403 }),
    },
    {
      name: 'POST /admin/lrs/targets/{name}/test (the LRS is unreachable: answered, not failed)',
      method: 'POST',
      route: '/admin/lrs/targets/:name/test',
      request: (_context, persona) => ({
        method: 'POST',
        path: `/admin/lrs/targets/${nameFor(persona)}/test`,
      }),
      expect: ownTarget(200),
    },
    {
      name: "DELETE /admin/lrs/targets/{name}: another tenant's admin cannot remove the demo tenant's",
      method: 'DELETE',
      route: '/admin/lrs/targets/:name',
      request: () => ({ method: 'DELETE', path: `/admin/lrs/targets/${nameFor('admin')}` }),
      expect: statuses({ outsiderAdmin: 404, others: 403, admin: 204 }),
    },
  ];
}

import { deliverableInScope, profileAccess, type ProfileScope, type Viewer } from '../access';
import { AppError } from '../errors';
import type { Person } from '../people';
import type { Clock, Ids, PagePosition, Store } from '../ports';
import { assessPerson, workflowAuthorship, type WorkflowAuthorship } from '../proficiency';
import type { Session, SessionStatus } from '../sessions';
import { defaultTenantSettings, type ManagerVisibility } from '../tenants';
import { profileLevels, type ProfileLevel } from './profile-level';

export type ProfileCertificate = {
  id: string;
  name: string;
  issuer: string | null;
  skillArea: string | null;
  issuedAt: Date;
};

/** A session as a profile lists it: what, when and how it went; never its inputs or outputs. */
export type ProfileSession = {
  id: string;
  workflowId: string;
  workflowTitle: string;
  status: SessionStatus;
  startedAt: Date;
  completedAt: Date | null;
  meanRating: number | null;
  sharedForReview: boolean;
  /** On the person's own profile: what their manager or the workflow's author said of a shared deliverable. */
  reviews?: ProfileReview[];
};

export type ProfileReview = {
  reviewerRole: 'manager' | 'author';
  meanScore: number;
  comment: string | null;
  reviewedAt: Date;
};

export type ProfileDeliverable = {
  sessionId: string;
  workflowTitle: string;
  completedAt: Date | null;
  sharedForReview: boolean;
  /** Null once deleted after the tenant's retention period. */
  markdown: string | null;
};

export type ProfileView = {
  person: { id: string; displayName: string; department: string | null; jobTitle: string | null };
  relation: ProfileScope['relation'];
  /** The tenant's setting that shaped a manager's view; null for the person's own profile. */
  managerVisibility: ManagerVisibility | null;
  levels: ProfileLevel[];
  certificates?: ProfileCertificate[];
  sessions?: ProfileSession[];
  deliverables?: ProfileDeliverable[];
  /** Where the next page of sessions and deliverables starts; null when there is none. */
  nextPage: PagePosition | null;
};

/**
 * A person's profile as `viewer` may see it (core/access decides): levels with their evidence (or only counts),
 * what is next, certificates, and a page of sessions and deliverables. A read of someone else's profile is
 * written to the audit log; a refusal is an AppError ('not_found' for another tenant or an unknown id).
 */
export async function readProfile(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: Viewer;
  subjectId: string;
  page: { limit: number; after?: PagePosition };
}): Promise<ProfileView> {
  const { store, viewer } = options;
  const tenantId = viewer.person.tenantId;
  const [tenant, subject] = await Promise.all([
    store.tenants.get(tenantId),
    store.people.get(tenantId, options.subjectId),
  ]);
  const settings = tenant?.settings ?? defaultTenantSettings();
  const access = profileAccess({ viewer, subject, managerVisibility: settings.managerVisibility });
  if (!access.allowed) throw new AppError(access.code, access.reason);
  const { scope } = access;
  const person = subject as Person;
  const now = options.clock.now();

  const authorship = await workflowAuthorship(store, tenantId);
  const levels = profileLevels(settings.skillAreas, await store.levels.listForPerson(tenantId, person.id));
  if (scope.evidence === 'refs' || scope.whatsNext) {
    const { stored, assessments } = await assessPerson({
      store,
      tenantId,
      personId: person.id,
      now,
      settings,
      authorship,
    });
    for (const line of levels) {
      if (scope.evidence === 'refs')
        line.evidence = stored.find((row) => row.skillArea === line.skillArea)?.evidence ?? [];
      if (scope.whatsNext)
        line.next = assessments.find((assessment) => assessment.skillArea === line.skillArea)?.next ?? null;
    }
  }

  const view: ProfileView = {
    person: {
      id: person.id,
      displayName: person.displayName,
      department: person.department,
      jobTitle: person.jobTitle,
    },
    relation: scope.relation,
    managerVisibility: scope.relation === 'manager' ? settings.managerVisibility : null,
    levels,
    nextPage: null,
  };
  if (scope.certificates)
    view.certificates = (await store.certificates.listForPerson(tenantId, person.id))
      .filter((certificate) => !certificate.voided)
      .map(({ id, name, issuer, skillArea, issuedAt }) => ({ id, name, issuer, skillArea, issuedAt }));
  await addHistory(view, {
    ...options,
    scope,
    person,
    managerVisibility: settings.managerVisibility,
    authorship,
  });

  if (scope.audited)
    await store.audit.append({
      id: options.ids.uuid(),
      tenantId,
      actorId: viewer.person.id,
      action: 'profile.read',
      subjectPersonId: person.id,
      details: {
        relation: scope.relation,
        managerVisibility: settings.managerVisibility,
        sessions: view.sessions?.length ?? 0,
        deliverables: view.deliverables?.map((deliverable) => deliverable.sessionId) ?? [],
      },
      at: now,
    });
  return view;
}

/** A page of the person's sessions and deliverables, as far as the scope allows. */
async function addHistory(
  view: ProfileView,
  options: {
    store: Store;
    viewer: Viewer;
    scope: ProfileScope;
    person: Person;
    managerVisibility: ManagerVisibility;
    authorship: WorkflowAuthorship;
    page: { limit: number; after?: PagePosition };
  },
): Promise<void> {
  const { scope, person, authorship } = options;
  if (scope.sessions === 'none' && scope.deliverables === 'none') return;
  const rows = await options.store.sessions.listForPerson(person.tenantId, person.id, {
    limit: options.page.limit + 1,
    after: options.page.after,
    sharedOnly: scope.sessions === 'none' && scope.deliverables === 'shared',
  });
  const page = rows.slice(0, options.page.limit);
  const last = page[page.length - 1];
  view.nextPage = rows.length > options.page.limit && last ? { at: last.startedAt, id: last.id } : null;
  const titleOf = (session: Session) => authorship.get(session.workflowId)?.title ?? 'A retired workflow';
  const reviews = scope.relation === 'self' ? await reviewsOf(options.store, person, page) : null;
  if (scope.sessions === 'all')
    view.sessions = page.map((session) => ({
      id: session.id,
      workflowId: session.workflowId,
      workflowTitle: titleOf(session),
      status: session.status,
      startedAt: session.startedAt,
      completedAt: session.completedAt,
      meanRating: session.feedback?.meanRating ?? null,
      sharedForReview: session.feedback?.sharedForReview === true,
      ...(reviews ? { reviews: reviews.get(session.id) ?? [] } : {}),
    }));
  if (scope.deliverables !== 'none')
    view.deliverables = page
      .filter(
        (session) =>
          session.status === 'completed' &&
          (session.deliverable !== null || session.contentPurgedAt !== null),
      )
      .filter((session) =>
        deliverableInScope(
          scope,
          {
            ownerId: session.personId,
            ownerManagerId: person.managerId,
            workflowAuthorId: authorship.get(session.workflowId)?.authorId ?? null,
            sharedForReview: session.feedback?.sharedForReview === true,
          },
          options.viewer.person.id,
          options.managerVisibility,
        ),
      )
      .map((session) => ({
        sessionId: session.id,
        workflowTitle: titleOf(session),
        completedAt: session.completedAt,
        sharedForReview: session.feedback?.sharedForReview === true,
        markdown: session.deliverable,
      }));
}

/** The reviews of the shared sessions on this page, for their owner, by session id. */
async function reviewsOf(
  store: Store,
  person: Person,
  sessions: readonly Session[],
): Promise<Map<string, ProfileReview[]>> {
  const shared = sessions.filter((session) => session.feedback?.sharedForReview === true);
  const found = await Promise.all(
    shared.map(async (session) => {
      const reviews = await store.reviews.listForSession(person.tenantId, session.id);
      return [
        session.id,
        reviews.map((review): ProfileReview => ({
          reviewerRole: review.reviewerId === person.managerId ? 'manager' : 'author',
          meanScore: review.meanScore,
          comment: review.comment,
          reviewedAt: review.createdAt,
        })),
      ] as const;
    }),
  );
  return new Map(found);
}

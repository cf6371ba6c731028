import { randomIds, type Ids, type Store } from '../core';
import type { Db } from './database';
import { auditRepository } from './repositories/audit-repository';
import { captureInterviewRepository } from './repositories/capture-interview-repository';
import { certificateRepository } from './repositories/certificate-repository';
import { credentialRepository } from './repositories/credential-repository';
import { directorySyncRepository } from './repositories/directory-sync-repository';
import { eventRepository } from './repositories/event-repository';
import { jobRepository } from './repositories/job-repository';
import { levelRepository } from './repositories/level-repository';
import { lrsTargetRepository } from './repositories/lrs-target-repository';
import { metricsRepository } from './repositories/metrics-repository';
import { peopleRepository } from './repositories/people-repository';
import { personDataRepository } from './repositories/person-data-repository';
import { processedActivityRepository } from './repositories/processed-activity-repository';
import { reviewRepository } from './repositories/review-repository';
import { sessionRepository } from './repositories/session-repository';
import { tenantRepository } from './repositories/tenant-repository';
import { workflowRepository } from './repositories/workflow-repository';
import { xapiOutboxRepository } from './repositories/outbox-repository';

/** The core Store port on PostgreSQL (PGlite or a server): every repository bound to one connection or transaction. */
export function createStore(db: Db, ids: Ids = randomIds): Store {
  const newId = () => ids.uuid();
  return {
    tenants: tenantRepository(db),
    people: peopleRepository(db, newId),
    workflows: workflowRepository(db),
    sessions: sessionRepository(db),
    captureInterviews: captureInterviewRepository(db),
    events: eventRepository(db),
    jobs: jobRepository(db, newId),
    processedActivities: processedActivityRepository(db),
    audit: auditRepository(db),
    certificates: certificateRepository(db),
    credentials: credentialRepository(db),
    levels: levelRepository(db),
    reviews: reviewRepository(db),
    metrics: metricsRepository(db),
    personData: personDataRepository(db),
    lrsTargets: lrsTargetRepository(db),
    xapiOutbox: xapiOutboxRepository(db),
    directorySync: directorySyncRepository(db),
    transaction: (work) => db.transaction((tx) => work(createStore(tx as unknown as Db, ids))),
  };
}

import { and, asc, desc, eq } from 'drizzle-orm';
import {
  AppError,
  type Workflow,
  type WorkflowDefinition,
  type WorkflowDraft,
  type WorkflowRepository,
  type WorkflowStatus,
  type WorkflowVersion,
} from '../../core';
import type { Db } from '../database';
import { people, workflowDrafts, workflows, workflowVersions } from '../schema';

type WorkflowRow = typeof workflows.$inferSelect;
type VersionRow = typeof workflowVersions.$inferSelect;

function toWorkflow(row: WorkflowRow): Workflow {
  return { ...row, status: row.status as WorkflowStatus };
}

function toVersion(row: VersionRow): WorkflowVersion {
  return { ...row, definition: row.definition as WorkflowDefinition };
}

/** A workflow's published versions: trial versions (a draft being tried by its author) are never listed. */
const published = (tenantId: string, workflowId: string) =>
  and(
    eq(workflowVersions.tenantId, tenantId),
    eq(workflowVersions.workflowId, workflowId),
    eq(workflowVersions.trial, false),
  );

export function workflowRepository(db: Db): WorkflowRepository {
  return {
    async get(tenantId, workflowId) {
      const rows = await db
        .select()
        .from(workflows)
        .where(and(eq(workflows.tenantId, tenantId), eq(workflows.id, workflowId)));
      return rows[0] ? toWorkflow(rows[0]) : null;
    },

    async save(workflow, expectedLatestVersion) {
      if (expectedLatestVersion === null) {
        await db.insert(workflows).values(workflow);
        return;
      }
      const { id, tenantId, createdAt: _createdAt, ...changes } = workflow;
      const updated = await db
        .update(workflows)
        .set(changes)
        .where(
          and(
            eq(workflows.tenantId, tenantId),
            eq(workflows.id, id),
            eq(workflows.latestVersionNumber, expectedLatestVersion),
          ),
        )
        .returning({ id: workflows.id });
      if (updated.length === 0) {
        throw new AppError(
          'conflict',
          'Someone else changed this workflow at the same time; reload and try again',
        );
      }
    },

    async addVersion(version) {
      await db.insert(workflowVersions).values(version);
    },

    async getVersion(tenantId, versionId) {
      const rows = await db
        .select()
        .from(workflowVersions)
        .where(and(eq(workflowVersions.tenantId, tenantId), eq(workflowVersions.id, versionId)));
      return rows[0] ? toVersion(rows[0]) : null;
    },

    async latestVersion(tenantId, workflowId) {
      const rows = await db
        .select()
        .from(workflowVersions)
        .where(published(tenantId, workflowId))
        .orderBy(desc(workflowVersions.versionNumber))
        .limit(1);
      return rows[0] ? toVersion(rows[0]) : null;
    },

    async listPublished(tenantId) {
      const rows = await db
        .select()
        .from(workflows)
        .where(and(eq(workflows.tenantId, tenantId), eq(workflows.status, 'published')))
        .orderBy(workflows.title);
      return rows.map(toWorkflow);
    },

    async listAll(tenantId) {
      const rows = await db
        .select()
        .from(workflows)
        .where(eq(workflows.tenantId, tenantId))
        .orderBy(workflows.title);
      return rows.map(toWorkflow);
    },

    async listPublishedCatalogue(tenantId) {
      const rows = await db
        .select({ workflow: workflows, version: workflowVersions, authorName: people.displayName })
        .from(workflows)
        .innerJoin(
          workflowVersions,
          and(
            eq(workflowVersions.tenantId, workflows.tenantId),
            eq(workflowVersions.workflowId, workflows.id),
            eq(workflowVersions.versionNumber, workflows.latestVersionNumber),
            eq(workflowVersions.trial, false),
          ),
        )
        .leftJoin(people, and(eq(people.tenantId, workflows.tenantId), eq(people.id, workflows.authorId)))
        .where(and(eq(workflows.tenantId, tenantId), eq(workflows.status, 'published')))
        .orderBy(workflows.title);
      return rows.map((row) => ({
        workflow: toWorkflow(row.workflow),
        version: toVersion(row.version),
        authorName: row.authorName,
      }));
    },

    async findByTitle(tenantId, title) {
      const rows = await db
        .select()
        .from(workflows)
        .where(and(eq(workflows.tenantId, tenantId), eq(workflows.title, title)))
        .limit(1);
      return rows[0] ? toWorkflow(rows[0]) : null;
    },

    async listVersions(tenantId, workflowId) {
      const rows = await db
        .select()
        .from(workflowVersions)
        .where(published(tenantId, workflowId))
        .orderBy(asc(workflowVersions.versionNumber));
      return rows.map(toVersion);
    },

    async getDraft(tenantId, workflowId) {
      const rows = await db
        .select()
        .from(workflowDrafts)
        .where(and(eq(workflowDrafts.tenantId, tenantId), eq(workflowDrafts.workflowId, workflowId)));
      return rows[0] ? (rows[0] as WorkflowDraft) : null;
    },

    async saveDraft(draft) {
      const { workflowId: _workflowId, tenantId: _tenantId, ...changes } = draft;
      await db
        .insert(workflowDrafts)
        .values({ ...draft, definition: draft.definition ?? null })
        .onConflictDoUpdate({ target: workflowDrafts.workflowId, set: changes });
    },

    async deleteDraft(tenantId, workflowId) {
      await db
        .delete(workflowDrafts)
        .where(and(eq(workflowDrafts.tenantId, tenantId), eq(workflowDrafts.workflowId, workflowId)));
    },
  };
}

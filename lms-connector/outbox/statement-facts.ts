import type { DomainEvent, SkillArea, Store } from '../../core';
import type { StatementContext } from '../statements';

/**
 * Reads, inside the event's transaction, what the mapping needs besides the event: the workflow's title and
 * skill area, the pinned version's number (versions never change, so numbers are remembered) and, for levels,
 * the tenant's skill area names.
 */
export class StatementFacts {
  private readonly versionNumbers = new Map<string, number>();

  constructor(private readonly maxRemembered = 5_000) {}

  async workflowFor(tx: Store, event: DomainEvent): Promise<StatementContext['workflow']> {
    if (!event.workflowId) return null;
    const workflow = await tx.workflows.get(event.tenantId, event.workflowId);
    if (!workflow) return null;
    return {
      id: workflow.id,
      title: workflow.title,
      skillArea: workflow.skillArea,
      versionNumber: await this.versionNumber(tx, event),
    };
  }

  async skillAreas(tx: Store, event: DomainEvent): Promise<SkillArea[]> {
    if (event.type !== 'level.changed') return [];
    return (await tx.tenants.get(event.tenantId))?.settings.skillAreas ?? [];
  }

  private async versionNumber(tx: Store, event: DomainEvent): Promise<number | null> {
    const { versionNumber, workflowVersionId } = event.data;
    if (typeof versionNumber === 'number') return versionNumber;
    if (typeof workflowVersionId !== 'string') return null;
    const known = this.versionNumbers.get(workflowVersionId);
    if (known !== undefined) return known;
    const version = await tx.workflows.getVersion(event.tenantId, workflowVersionId);
    if (!version) return null;
    if (this.versionNumbers.size >= this.maxRemembered) this.versionNumbers.clear();
    this.versionNumbers.set(workflowVersionId, version.versionNumber);
    return version.versionNumber;
  }
}

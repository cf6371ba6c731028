import type { ZodType } from 'zod';
import type { DomainEvent, SkillArea } from '../../core';
import {
  credentialActivity,
  deliverableActivity,
  levelActivity,
  profileActivity,
  workflowActivity,
  type WorkflowFacts,
} from './activities';
import {
  credentialIssuedData,
  levelChangedData,
  sessionCompletedData,
  sessionRatedData,
  sessionReviewedData,
  sessionStartedData,
  stepCompletedData,
  workflowPublishedData,
  workflowSharedData,
} from './event-data';
import { isoDuration } from './iso-duration';
import { EXTENSIONS, VERBS, type VerbConcept } from './vocabulary';
import type { StatementDraft, XapiActivity, XapiContext, XapiResult } from './xapi-statement';

/** The rubric bar of DESIGN §5: a deliverable meets it at a mean score of 3.5 of 5. */
export const RUBRIC_BAR = 3.5;
export const PLATFORM = 'Microsoft Teams';

export type StatementContext = {
  /** The deployment's public base URL, without a trailing slash. */
  baseUrl: string;
  /** RFC 5646 language of the tenant's content (workflow titles, skill area names). */
  language: string;
  /** The event's workflow (title as it is now), when the event has one. */
  workflow: (WorkflowFacts & { skillArea: string; versionNumber: number | null }) | null;
  skillAreas: SkillArea[];
  /** A reviewer's score below the bar is sent as `failed` only when the target asks for it. */
  sendFailed: boolean;
};

export class StatementMappingError extends Error {
  constructor(event: DomainEvent, reason: string) {
    super(`Cannot map ${event.type} event ${event.id} to xAPI: ${reason}`);
    this.name = 'StatementMappingError';
  }
}

/**
 * The xAPI statements an event stands for, without actor and id (both are fixed per target when the outbox
 * row is written). Pure: the same event and context always give the same statements. Events that the LMS
 * has no use for (abandoned, retired, certificates that came from the LMS) give none.
 */
export function statementsForEvent(event: DomainEvent, context: StatementContext): StatementDraft[] {
  const build = new DraftBuilder(event, context);
  switch (event.type) {
    case 'workflow.published': {
      const data = parse(event, workflowPublishedData);
      return [build.aboutWorkflow(VERBS.author, { versionNumber: data.versionNumber })];
    }
    case 'workflow.shared':
      parse(event, workflowSharedData);
      return [build.aboutWorkflow(VERBS.shared)];
    case 'session.started': {
      const data = parse(event, sessionStartedData);
      return [build.aboutWorkflow(VERBS.initialized, { versionNumber: data.versionNumber })];
    }
    case 'session.step_completed': {
      const data = parse(event, stepCompletedData);
      const position = data.stepIndex + 1;
      return [
        build.aboutWorkflow(VERBS.progressed, {
          result: {
            extensions: {
              [EXTENSIONS.progress.id]: Math.min(100, Math.round((position / data.stepCount) * 100)),
              ...(data.kind === 'generate' && data.regenerations !== undefined
                ? { [EXTENSIONS.regenerations.id]: data.regenerations }
                : {}),
            },
          },
          contextExtensions: { [EXTENSIONS.step.id]: { id: data.stepId, kind: data.kind, position } },
        }),
      ];
    }
    case 'session.completed': {
      const data = parse(event, sessionCompletedData);
      const extensions: Record<string, unknown> = {
        [EXTENSIONS.minutesSaved.id]: data.manualMinutes - data.activeMinutes,
        [EXTENSIONS.manualMinutes.id]: data.manualMinutes,
      };
      if (data.regenerations !== undefined) extensions[EXTENSIONS.regenerations.id] = data.regenerations;
      if (data.edits !== undefined) extensions[EXTENSIONS.edits.id] = data.edits;
      return [
        build.aboutDeliverable(VERBS.create),
        build.aboutWorkflow(VERBS.completed, {
          result: {
            completion: true,
            duration: isoDuration(data.activeMs ?? data.activeMinutes * 60_000),
            extensions,
          },
        }),
      ];
    }
    case 'session.rated': {
      const data = parse(event, sessionRatedData);
      const extensions: Record<string, unknown> = {
        [EXTENSIONS.rubricScores.id]: data.ratings,
        [EXTENSIONS.minutesSaved.id]: data.manualMinutes - data.minutesTaken,
        [EXTENSIONS.minutesTaken.id]: data.minutesTaken,
        [EXTENSIONS.manualMinutes.id]: data.manualMinutes,
      };
      if (data.savedTimeGoesTo) extensions[EXTENSIONS.savedTimeGoesTo.id] = data.savedTimeGoesTo;
      if (data.wouldReuse !== null) extensions[EXTENSIONS.wouldReuse.id] = data.wouldReuse;
      const rated = build.aboutWorkflow(VERBS.rated, {
        result: { score: rubricScore(data.meanRating), extensions },
      });
      return data.sharedForReview ? [rated, build.aboutDeliverable(VERBS.shared)] : [rated];
    }
    case 'session.reviewed': {
      const data = parse(event, sessionReviewedData);
      const passed = data.meanScore >= RUBRIC_BAR;
      if (!passed && !context.sendFailed) return [];
      const extensions: Record<string, unknown> = { [EXTENSIONS.rubricScores.id]: data.scores };
      if (data.reviewerRole) extensions[EXTENSIONS.reviewerRole.id] = data.reviewerRole;
      return [
        build.aboutWorkflow(passed ? VERBS.passed : VERBS.failed, {
          result: { score: rubricScore(data.meanScore), success: passed, extensions },
        }),
      ];
    }
    case 'workflow.reused':
      return [build.aboutWorkflow(VERBS.use)];
    case 'level.changed': {
      const data = parse(event, levelChangedData);
      if (data.toLevel <= data.fromLevel) return [];
      return [build.aboutLevel(data.skillArea, data.fromLevel, data.toLevel)];
    }
    case 'credential.issued': {
      const data = parse(event, credentialIssuedData);
      return [build.aboutCredential(data.credentialId, data.skillArea)];
    }
    case 'session.abandoned':
    case 'workflow.retired':
    case 'certificate.imported':
    case 'certificate.voided':
    case 'practice.attested': // reaches the LRS as the level it leads to (level.changed → mastered)
      return [];
  }
}

function parse<T>(event: DomainEvent, schema: ZodType<T>): T {
  const parsed = schema.safeParse(event.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StatementMappingError(
      event,
      `data.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
    );
  }
  return parsed.data;
}

/** Rubric scores are 1-5; scaled is the share of the maximum (the bar, 3.5, is 0.7). */
function rubricScore(mean: number): NonNullable<XapiResult['score']> {
  return { raw: mean, min: 1, max: 5, scaled: Math.round((mean / 5) * 10_000) / 10_000 };
}

class DraftBuilder {
  constructor(
    private readonly event: DomainEvent,
    private readonly context: StatementContext,
  ) {}

  aboutWorkflow(
    verb: VerbConcept,
    options: {
      versionNumber?: number;
      result?: XapiResult;
      contextExtensions?: Record<string, unknown>;
    } = {},
  ): StatementDraft {
    const workflow = this.requireWorkflow();
    return this.draft(verb, workflowActivity(this.context.baseUrl, workflow, this.context.language), {
      result: options.result,
      parent: null,
      extensions: {
        [EXTENSIONS.skillArea.id]: workflow.skillArea,
        ...this.versionExtension(options.versionNumber),
        ...options.contextExtensions,
      },
    });
  }

  aboutDeliverable(verb: VerbConcept): StatementDraft {
    const workflow = this.requireWorkflow();
    const { baseUrl, language } = this.context;
    return this.draft(verb, deliverableActivity(baseUrl, workflow, language), {
      parent: workflowActivity(baseUrl, workflow, language),
      extensions: { [EXTENSIONS.skillArea.id]: workflow.skillArea, ...this.versionExtension() },
    });
  }

  aboutLevel(skillAreaId: string, fromLevel: number, toLevel: number): StatementDraft {
    const skillArea = this.context.skillAreas.find((area) => area.id === skillAreaId) ?? {
      id: skillAreaId,
      name: skillAreaId,
    };
    return this.draft(
      VERBS.mastered,
      levelActivity(this.context.baseUrl, skillArea, toLevel, this.context.language),
      {
        result: {
          extensions: { [EXTENSIONS.previousLevel.id]: fromLevel, [EXTENSIONS.newLevel.id]: toLevel },
        },
        parent: null,
        extensions: { [EXTENSIONS.skillArea.id]: skillAreaId },
      },
    );
  }

  aboutCredential(credentialId: string, skillAreaId: string): StatementDraft {
    const { baseUrl, language } = this.context;
    const skillArea = this.context.skillAreas.find((area) => area.id === skillAreaId) ?? {
      id: skillAreaId,
      name: skillAreaId,
    };
    return this.draft(VERBS.earned, credentialActivity(baseUrl, credentialId, skillArea, language), {
      // The level the credential attests, so the LMS can group it with the `mastered` statement.
      parent: levelActivity(baseUrl, skillArea, 2, language),
      extensions: { [EXTENSIONS.skillArea.id]: skillAreaId },
    });
  }

  private versionExtension(fromEvent?: number): Record<string, number> {
    const version = fromEvent ?? this.context.workflow?.versionNumber ?? null;
    return version === null ? {} : { [EXTENSIONS.workflowVersion.id]: version };
  }

  private requireWorkflow(): NonNullable<StatementContext['workflow']> {
    if (!this.context.workflow || this.context.workflow.id !== this.event.workflowId)
      throw new StatementMappingError(this.event, 'its workflow was not given');
    return this.context.workflow;
  }

  private draft(
    verb: VerbConcept,
    object: XapiActivity,
    options: { result?: XapiResult; parent: XapiActivity | null; extensions: Record<string, unknown> },
  ): StatementDraft {
    const context: XapiContext = {
      ...(this.event.sessionId ? { registration: this.event.sessionId } : {}),
      contextActivities: {
        ...(options.parent ? { parent: [options.parent] } : {}),
        category: [profileActivity],
      },
      platform: PLATFORM,
      language: this.context.language,
      extensions: options.extensions,
    };
    return {
      verb: { id: verb.id, display: { en: verb.display } },
      object,
      ...(options.result ? { result: options.result } : {}),
      context,
      timestamp: this.event.occurredAt.toISOString(),
    };
  }
}

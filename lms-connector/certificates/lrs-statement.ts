type Activity = { objectType?: string; id?: string; definition?: { name?: Record<string, string> } };

/** The parts of an xAPI statement read from an LRS that certificate sync uses, each of the type it must be. */
export type LrsStatement = {
  id?: string;
  actor?: unknown;
  verb?: { id?: string };
  object?: Activity;
  result?: { success?: boolean; completion?: boolean };
  context?: { platform?: string; contextActivities?: { category?: Activity[] } };
  authority?: { name?: string };
  timestamp?: string;
  stored?: string;
};

type Json = Record<string, unknown>;

const record = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

function activity(value: unknown): Activity | undefined {
  const raw = record(value);
  if (!raw) return undefined;
  const names = record(record(raw.definition)?.name);
  const strings = names
    ? Object.fromEntries(
        Object.entries(names).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      )
    : undefined;
  return {
    objectType: text(raw.objectType),
    id: text(raw.id),
    definition: strings ? { name: strings } : undefined,
  };
}

/**
 * A statement as an LRS sent it, reduced to well-typed fields (anything of the wrong type is dropped), or null
 * when it is not an object at all. An LRS is outside our control: one odd statement must not stop a sync.
 */
export function toLrsStatement(raw: unknown): LrsStatement | null {
  const statement = record(raw);
  if (!statement) return null;
  const result = record(statement.result);
  const context = record(statement.context);
  const categories = record(context?.contextActivities)?.category;
  return {
    id: text(statement.id),
    actor: statement.actor,
    verb: { id: text(record(statement.verb)?.id) },
    object: activity(statement.object),
    result: result ? { success: flag(result.success), completion: flag(result.completion) } : undefined,
    context: context
      ? {
          platform: text(context.platform),
          contextActivities: {
            category: Array.isArray(categories)
              ? categories.map(activity).filter((each): each is Activity => each !== undefined)
              : undefined,
          },
        }
      : undefined,
    authority: { name: text(record(statement.authority)?.name) },
    timestamp: text(statement.timestamp),
    stored: text(statement.stored),
  };
}

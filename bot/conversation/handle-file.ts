import { describeSession, isAppError, type Person } from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { cardMessage, text, type Outgoing } from './outgoing';
import { runAction } from './session-turns';

export type FileAttachment = { name: string; downloadUrl: string; contentType: string | null };

/**
 * An attached file at a step that asks for material: its text fills the roomiest answer still missing that it
 * fits in, and the employee sees a short preview to confirm it is the right file before continuing.
 */
export async function handleFile(
  deps: BotDependencies,
  person: Person,
  file: FileAttachment,
  activityId: string | undefined,
): Promise<Outgoing[]> {
  const session = await deps.store.sessions.findCurrentForPerson(person.tenantId, person.id);
  const version = session
    ? await deps.store.workflows.getVersion(person.tenantId, session.workflowVersionId)
    : null;
  const view = session && version ? describeSession(session, version.definition) : null;
  if (!session || !version || view?.current.kind !== 'input') {
    return [text('Attach a file at a step that asks for your material. Type **help** to start a workflow.')];
  }
  if (!deps.readAttachment) return [text('Files cannot be read here; please paste the text instead.')];
  let read: { text: string; preview: string };
  try {
    read = await deps.readAttachment(file);
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input') return [text(error.message)];
    throw error;
  }
  // The file is the step's main material: the roomiest answer still missing that it fits in.
  const bySize = [...view.current.inputs].sort((a, b) => b.maxChars - a.maxChars);
  const fits = (input: (typeof bySize)[number]) => input.maxChars >= read.text.length;
  const target = bySize.find((input) => input.value === '' && fits(input)) ?? bySize.find(fits) ?? bySize[0];
  if (!target) return [text('This step does not take a file.')];
  const turn = await runAction(
    deps,
    person,
    { session, version },
    { type: 'fill_input', name: target.name, text: read.text },
    { activityId },
  );
  const filled = await deps.store.sessions.get(person.tenantId, session.id);
  const stored = filled?.steps[filled.currentStepIndex]?.inputs[target.name] === read.text;
  const confirmation = stored
    ? [
        text(
          `Read **${file.name}** into "${target.label}":\n\n${read.preview}\n\nIf that is the right file, fill in anything else the card asks for and press **Continue**.`,
        ),
      ]
    : [];
  return [...confirmation, ...turn.before, cardMessage(turn.card)];
}

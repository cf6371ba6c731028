import type { SessionAction, SessionView } from '../../core';

export type TextIntent =
  | { kind: 'home' }
  | { kind: 'status' }
  | { kind: 'resume' }
  | { kind: 'find'; query: string }
  | { kind: 'browse'; area: string | undefined }
  | { kind: 'session'; action: SessionAction }
  | { kind: 'explain'; message: string };

const HOME = /^(help|hi|hello|hey|home|menu|start|workflows|\?)$/i;
const STATUS = /^(status|where am i)$/i;
const RESUME = /^(resume|continue)$/i;

/**
 * Free text where a card is expected: understood as the answer when it can be (the material for a one-field
 * step, a pasted AI answer, accept/regenerate/edit at a review), otherwise a short explanation.
 */
export function interpretText(text: string, view: SessionView | null): TextIntent {
  const trimmed = text.trim();
  if (HOME.test(trimmed)) return { kind: 'home' };
  if (STATUS.test(trimmed)) return { kind: 'status' };
  if (RESUME.test(trimmed)) return { kind: 'resume' };
  const find = /^(?:find|search)\s+(.+)$/is.exec(trimmed);
  if (find?.[1]) return { kind: 'find', query: find[1].trim() };
  const browse = /^browse(?:\s+(.+))?$/is.exec(trimmed);
  if (browse) return { kind: 'browse', area: browse[1]?.trim() };
  if (!view) {
    return trimmed.startsWith('/')
      ? {
          kind: 'explain',
          message: `I don't know the command "${trimmed.split(/\s/)[0]}". Type **help** to see what I can do.`,
        }
      : { kind: 'explain', message: "You don't have a workflow going. Type **help** and pick one to start." };
  }
  if (/^pause$/i.test(trimmed)) return { kind: 'session', action: { type: 'pause' } };
  if (/^back$/i.test(trimmed)) return { kind: 'session', action: { type: 'back' } };
  if (/^(abandon|cancel|quit|stop)$/i.test(trimmed)) return { kind: 'session', action: { type: 'abandon' } };
  if (trimmed.startsWith('/'))
    return {
      kind: 'explain',
      message: `I don't know the command "${trimmed.split(/\s/)[0]}". Type **help** to see what I can do.`,
    };

  const current = view.current;
  switch (current.kind) {
    case 'input': {
      const missing = current.inputs.filter((input) => input.value === '');
      const target =
        current.inputs.length === 1 ? current.inputs[0] : missing.length === 1 ? missing[0] : undefined;
      if (!target) {
        return {
          kind: 'explain',
          message: `This step asks for ${current.inputs.length} things (${current.inputs.map((input) => input.label).join('; ')}). Paste each into its box on the card above.`,
        };
      }
      const inputs = Object.fromEntries(current.inputs.map((input) => [input.name, input.value]));
      return {
        kind: 'session',
        action: { type: 'submit_inputs', inputs: { ...inputs, [target.name]: trimmed } },
      };
    }
    case 'generate':
      if (current.state === 'awaiting-paste')
        return { kind: 'session', action: { type: 'provide_output', text: trimmed } };
      if (current.state === 'generating')
        return { kind: 'explain', message: 'Still generating; the answer will appear on the card above.' };
      if (/^(accept|ok|okay|looks good|yes)$/i.test(trimmed))
        return { kind: 'session', action: { type: 'accept_output' } };
      if (/^edit:/i.test(trimmed))
        return { kind: 'session', action: { type: 'edit_output', text: trimmed.slice(5) } };
      {
        const regenerate = /^(regenerate|retry|try again)\b[:\s]*(.*)$/is.exec(trimmed);
        if (regenerate)
          return {
            kind: 'session',
            action: { type: 'request_generation', note: regenerate[2]?.trim() || null },
          };
      }
      if (/^(own ai|byo|copilot)$/i.test(trimmed))
        return { kind: 'session', action: { type: 'switch_to_byo' } };
      return {
        kind: 'explain',
        message:
          'Reply **accept** to keep this answer, **regenerate** followed by what should change (e.g. "regenerate shorter"), or **edit:** followed by your own version.',
      };
    case 'verify':
      return {
        kind: 'explain',
        message:
          'Tick the checks you made on the card above and note anything you corrected, then press **Checked**.',
      };
    case 'feedback':
      return {
        kind: 'explain',
        message: 'Your deliverable is ready. Rate it on the card above and press **Send feedback**.',
      };
    default:
      return { kind: 'explain', message: 'Type **help** to start another workflow.' };
  }
}

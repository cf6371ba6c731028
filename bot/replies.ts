export function welcomeText(displayName: string): string {
  const firstName = displayName.split(' ')[0] ?? displayName;
  return [
    `Hi ${firstName}, I'm Practica.`,
    'I help you turn AI training into how you actually work: run a workflow a colleague already uses on your own material, and leave with a real deliverable.',
    'Type **help** at any time to see what I can do.',
  ].join('\n\n');
}

export const UNKNOWN_TENANT_TEXT =
  "Practica isn't set up for your organisation yet. Your IT or L&D team can add it; nothing you send here is stored until then.";

export const UNKNOWN_PERSON_TEXT =
  "Hello! I couldn't find you in your organisation's Practica directory yet. It is refreshed regularly; please try again later or ask your L&D team.";

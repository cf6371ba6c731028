export const UNKNOWN_TENANT_TEXT =
  "Practica isn't set up for your organisation yet. Your IT or L&D team can add it; nothing you send here is stored until then.";

export const UNKNOWN_PERSON_TEXT =
  "Hello! I couldn't tell who you are from this message. Please open Practica from Microsoft Teams, or ask your L&D team.";

export const EMPTY_MESSAGE_TEXT =
  "I didn't get any text in that message. Type **help** to see what I can do.";

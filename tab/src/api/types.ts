/** A demo person offered by the development persona picker (`GET /dev/personas`). */
export type Persona = {
  email: string;
  displayName: string;
  department: string | null;
  jobTitle: string | null;
  roles: string[];
};

/** The signed-in person (`GET /api/v1/me`). */
export type Me = Persona & {
  id: string;
  tenantId: string;
};

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null;

function text(record: Json, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw new Error(`expected "${key}" to be a string`);
  return value;
}

function optionalText(record: Json, key: string): string | null {
  const value = record[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Error(`expected "${key}" to be a string or null`);
  return value;
}

function textList(record: Json, key: string): string[] {
  const value = record[key] ?? [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`expected "${key}" to be a list of strings`);
  }
  return value;
}

function toPersona(value: unknown): Persona {
  if (!isRecord(value)) throw new Error('expected a persona object');
  return {
    email: text(value, 'email'),
    displayName: text(value, 'displayName'),
    department: optionalText(value, 'department'),
    jobTitle: optionalText(value, 'jobTitle'),
    roles: textList(value, 'roles'),
  };
}

export function parsePersonas(value: unknown): Persona[] {
  if (!Array.isArray(value)) throw new Error('expected a list of personas');
  return value.map(toPersona);
}

export function parseMe(value: unknown): Me {
  if (!isRecord(value)) throw new Error('expected the signed-in person');
  if (!Array.isArray(value['roles'])) throw new Error('expected "roles" to be a list of strings');
  return { ...toPersona(value), id: text(value, 'id'), tenantId: text(value, 'tenantId') };
}

export function parseToken(value: unknown): string {
  if (!isRecord(value)) throw new Error('expected a token response');
  return text(value, 'token');
}

export interface Ids {
  uuid(): string;
}

export const randomIds: Ids = { uuid: () => crypto.randomUUID() };

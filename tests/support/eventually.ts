export type Waiting = { timeoutMs?: number; everyMs?: number };

/**
 * Reads until `read` gives something truthy and returns it; after `timeoutMs` (30 s by default) fails, naming
 * `what` it waited for.
 */
export async function eventually<T>(
  read: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what: string,
  { timeoutMs = 30_000, everyMs = 50 }: Waiting = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Waits until `condition` holds; after `timeoutMs` (30 s by default) fails, naming `what` it waited for. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  waiting: Waiting = {},
): Promise<void> {
  await eventually(async () => (await condition()) || null, what, waiting);
}

type Fetch = typeof fetch;

/**
 * Wraps fetch so the openai SDK only retries when the wait the server asks for (`retry-after-ms` or
 * `Retry-After`, read as the SDK reads them) fits in the time left before `deadline` (epoch ms). The SDK
 * itself obeys those headers without any upper bound; a longer wait is refused here by answering
 * `x-should-retry: false`, which the SDK obeys, so the caller gets the provider's own error at once.
 */
export function retryWithinBudget(getFetch: () => Fetch, deadline: number): Fetch {
  return async (input, init) => {
    const response = await getFetch()(input, init);
    if (response.ok) return response;
    const waitMs = requestedWaitMs(response.headers);
    if (waitMs === undefined || waitMs <= deadline - Date.now()) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

function requestedWaitMs(headers: Headers): number | undefined {
  const milliseconds = parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(milliseconds) && milliseconds !== 0) return milliseconds;
  const retryAfter = headers.get('retry-after');
  if (!retryAfter) return undefined;
  const seconds = parseFloat(retryAfter);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

/** A Graph or token request that failed for good (after retries, or a status retrying cannot help). */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraphRequestError';
  }
}

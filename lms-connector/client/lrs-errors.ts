/** The LRS answered with a status outside 2xx. `message` is the LRS's own explanation when it gave one. */
export class LrsHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** How long the LRS asked us to wait (Retry-After), in ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'LrsHttpError';
  }
}

/** No answer: the connection failed, or the LRS (or the token endpoint) did not answer in time. */
export class LrsTransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LrsTransportError';
  }
}

/** The credentials were refused (by the LRS with 401/403, or by the OAuth token endpoint). */
export class LrsAuthError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'LrsAuthError';
  }
}

/** The LRS does not speak xAPI 1.0.x (read from /about). */
export class LrsVersionError extends Error {
  constructor(readonly versions: string[]) {
    super(`the LRS speaks xAPI ${versions.join(', ') || '(none listed)'}, not 1.0.3`);
    this.name = 'LrsVersionError';
  }
}

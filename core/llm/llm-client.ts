export type LlmMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export type LlmRequest = {
  messages: LlmMessage[];
  signal?: AbortSignal;
  maxOutputTokens?: number;
};

export type LlmResponse = { text: string; model: string };

/** Receives each piece of an answer, in order, as the model writes it. */
export type LlmTextListener = (delta: string) => void;

/** The configured model. Practica never sends it more than the step's own inputs and earlier outputs. */
export interface LlmClient {
  complete(request: LlmRequest): Promise<LlmResponse>;
  /**
   * Optional: the same call, handing each piece of the answer to `onText` as it arrives. Resolves with the
   * whole answer, or rejects with an `LlmError` exactly as `complete` would, even after some text was handed
   * on (a model that breaks off part-way). Clients without it are called through `complete`.
   */
  stream?(request: LlmRequest, onText: LlmTextListener): Promise<LlmResponse>;
}

export type LlmFailureKind =
  'timeout' | 'rate_limited' | 'unavailable' | 'malformed_response' | 'rejected' | 'unauthorized';

/** A model call that failed after the adapter's own retries; `kind` decides what the employee is told. */
export class LlmError extends Error {
  readonly kind: LlmFailureKind;

  constructor(kind: LlmFailureKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LlmError';
    this.kind = kind;
  }
}

/** Plain-language explanation for the employee; never includes the prompt or provider internals. */
export function describeLlmFailure(kind: LlmFailureKind): string {
  switch (kind) {
    case 'timeout':
      return 'The AI service took too long to answer.';
    case 'rate_limited':
      return 'The AI service is busy right now (too many requests).';
    case 'unavailable':
      return 'The AI service is not available right now.';
    case 'malformed_response':
      return 'The AI service sent back an answer Practica could not read.';
    case 'rejected':
      return 'The AI service refused this request.';
    case 'unauthorized':
      return 'Practica could not sign in to the AI service; your admin has been told.';
  }
}

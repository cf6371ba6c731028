import { LlmError, type LlmClient, type LlmRequest, type LlmResponse } from '../../core/llm';

export type ScriptedStep = { text: string; delayMs?: number } | LlmError;
/** A queue (one step per call; running out is a test bug) or a function of the request and the call index (from 0). */
export type Script =
  ScriptedStep[] | ((request: LlmRequest, call: number) => ScriptedStep | Promise<ScriptedStep>);

/**
 * A fake model for core and bot tests. Answers from a queue (one step per call) or a function, records every
 * request, and rejects with `LlmError('timeout', 'aborted')` when the request's signal aborts, as the real
 * adapter does.
 */
export class ScriptedLlm implements LlmClient {
  readonly requests: LlmRequest[] = [];
  private readonly script: Script;
  private readonly model: string;

  constructor(script: Script, model = 'scripted-model') {
    this.script = Array.isArray(script) ? [...script] : script;
    this.model = model;
  }

  async complete(request: LlmRequest): Promise<LlmResponse> {
    this.requests.push({ ...request, messages: request.messages.map((message) => ({ ...message })) });
    const step = await this.nextStep(request);
    if (step instanceof LlmError) throw step;
    await wait(step.delayMs ?? 0, request.signal);
    return { text: step.text, model: this.model };
  }

  private nextStep(request: LlmRequest): ScriptedStep | Promise<ScriptedStep> {
    const call = this.requests.length - 1;
    if (typeof this.script === 'function') return this.script(request, call);
    const step = this.script.shift();
    if (step === undefined) throw new Error(`ScriptedLlm: nothing scripted for call ${call}`);
    return step;
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = (): void => {
      clearTimeout(timer);
      reject(new LlmError('timeout', 'aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
  });
}

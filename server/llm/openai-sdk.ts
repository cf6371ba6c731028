async function importOpenAiSdk() {
  const [sdk, streaming] = await Promise.all([import('openai'), import('openai/streaming')]);
  return {
    OpenAI: sdk.OpenAI,
    Stream: streaming.Stream,
    errors: {
      APIConnectionError: sdk.APIConnectionError,
      APIConnectionTimeoutError: sdk.APIConnectionTimeoutError,
      APIError: sdk.APIError,
      APIUserAbortError: sdk.APIUserAbortError,
    },
  };
}

export type OpenAiSdk = Awaited<ReturnType<typeof importOpenAiSdk>>;
export type OpenAiErrorClasses = OpenAiSdk['errors'];

let loaded: Promise<OpenAiSdk> | null = null;

/**
 * The openai SDK, loaded with the first model call rather than at start-up: a deployment without a model
 * configured (bring-your-own-AI) never needs it, and loading it is a noticeable part of start-up.
 */
export function loadOpenAiSdk(): Promise<OpenAiSdk> {
  loaded ??= importOpenAiSdk();
  return loaded;
}

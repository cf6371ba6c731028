import { Client, type ClientOptions, type RequestConfig } from '@microsoft/teams.common';

type Headers = NonNullable<ClientOptions['headers']>;

const isUserAgent = (key: string) => key.toLowerCase() === 'user-agent';

function userAgentOf(headers: Headers | undefined): string | undefined {
  const key = headers ? Object.keys(headers).find(isUserAgent) : undefined;
  return key ? String(headers?.[key]) : undefined;
}

/**
 * The Teams SDK's HTTP client, whose clones share one axios instance and logger. The SDK clones its client
 * five times for every activity it receives (the API client and graph clients of the turn's context), and
 * each plain clone builds a new axios instance and a console logger: about a twentieth of a Practica turn's
 * CPU (BENCHMARKS.md, "A lighter load generator; the SDK's client cloned without axios"). A clone here
 * keeps its own options, headers and token as the SDK's do, and applies its base URL and timeout to each
 * request instead of to an instance.
 */
export class SharedTransportClient extends Client {
  private shared = false;

  override clone(options?: ClientOptions): Client {
    const copy = Object.create(SharedTransportClient.prototype) as SharedTransportClient;
    const merged: ClientOptions = {
      ...this.options,
      ...options,
      headers: mergedHeaders(this.options, options),
    };
    Object.assign(copy, {
      options: merged,
      name: merged.name ?? 'http',
      token: merged.token,
      log: merged.logger ?? this.log,
      http: this.http,
      seq: this.seq,
      interceptors: new Map(this.interceptors),
      shared: true,
    });
    return copy;
  }

  /** An interceptor would reach every clone through the shared instance; the SDK adds and removes none on clones. */
  override use(...args: Parameters<Client['use']>): number {
    this.refuseOnClone();
    return super.use(...args);
  }

  override eject(id: number): void {
    this.refuseOnClone();
    super.eject(id);
  }

  private refuseOnClone(): void {
    if (this.shared)
      throw new Error('SharedTransportClient: interceptors can only be changed on the root client');
  }

  protected override async withConfig(config: RequestConfig = {}): Promise<RequestConfig> {
    const withHeaders = await super.withConfig(config);
    if (this.options.baseUrl !== undefined && withHeaders.baseURL === undefined)
      withHeaders.baseURL = this.options.baseUrl;
    if (this.options.timeout !== undefined && withHeaders.timeout === undefined)
      withHeaders.timeout = this.options.timeout;
    return withHeaders;
  }
}

/** The parent's headers with the clone's, user agents joined (child first) as the SDK's own clone does. */
function mergedHeaders(parent: ClientOptions, child: ClientOptions | undefined): Headers {
  const parentAgent = userAgentOf(parent.headers);
  const childAgent = userAgentOf(child?.headers);
  const agent = parentAgent && childAgent ? `${childAgent} ${parentAgent}` : (childAgent ?? parentAgent);
  const headers: Headers = { ...parent.headers, ...child?.headers };
  if (agent) {
    for (const key of Object.keys(headers)) if (isUserAgent(key)) delete headers[key];
    headers['User-Agent'] = agent;
  }
  return headers;
}

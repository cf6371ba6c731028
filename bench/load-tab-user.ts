import { DEMO_PEOPLE } from '../server/demo';
import type { Conversation, Turn } from './bot-load';
import { measured, unlessOk, type LoadTally } from './load-tally';

type TabRead = { kind: string; path: string };

/** What a demo person opens in the tab, in turn: their profile, the team view, the workflows, their metrics. */
function readsOf(aadObjectId: string, roles: readonly string[]): TabRead[] {
  const manages = DEMO_PEOPLE.some((person) => person.managerAadObjectId === aadObjectId);
  const metrics: TabRead = roles.includes('admin')
    ? { kind: 'organisation metrics', path: '/metrics/organisation' }
    : manages
      ? { kind: 'team metrics', path: '/metrics/team' }
      : { kind: 'my metrics', path: '/metrics/me' };
  return [
    { kind: 'profile', path: '/me/profile' },
    { kind: 'team view', path: '/team' },
    { kind: 'workflows', path: '/workflows' },
    metrics,
  ];
}

/**
 * Someone using the tab: each `next()` is one API read with the development-mode token the instance issued
 * (POST /dev/token, signed with that instance's own key), each read from the next instance in turn.
 */
export class LoadTabUser implements Conversation {
  private readonly email: string;
  private readonly reads: TabRead[];
  private readonly tokens = new Map<string, string>();
  private urls: string[] = [];
  private turn = 0;

  constructor(
    private readonly index: number,
    private readonly tally: LoadTally,
  ) {
    const person = DEMO_PEOPLE[index % DEMO_PEOPLE.length]!;
    this.email = person.email;
    this.reads = readsOf(person.aadObjectId, person.roles);
  }

  /** Signs in at each instance not signed in to yet, then reads from these instances from now on. */
  async useInstances(urls: string[]): Promise<void> {
    for (const url of urls) {
      if (this.tokens.has(url)) continue;
      const response = await fetch(`${url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: this.email }),
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`${url}/dev/token answered ${response.status} for ${this.email}`);
      this.tokens.set(url, ((await response.json()) as { token: string }).token);
    }
    this.urls = urls;
  }

  next(): Promise<Turn> {
    const read = this.reads[this.turn % this.reads.length]!;
    const url = this.urls[(this.index + this.turn++) % this.urls.length]!;
    return measured(this.tally, `tab: ${read.kind}`, async () => {
      const response = await fetch(`${url}/api/v1${read.path}`, {
        headers: { authorization: `Bearer ${this.tokens.get(url) ?? ''}` },
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      return unlessOk(response.status);
    });
  }
}

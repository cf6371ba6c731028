/** How Practica authenticates to one LRS. */
export type LrsAuth =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string };

/**
 * How a person becomes an xAPI actor for this target: an `account` on the LMS's home page, named with the
 * person's LMS identifier (the default), or `mbox` (lower-case work email).
 */
export type LrsActorMapping = { kind: 'account'; homePage: string } | { kind: 'mbox' };

/** One LRS that receives Practica's statements (the company LMS, an analytics LRS, ...). */
export type LrsTarget = {
  /** Short stable name, stored on each outbox row (`lms`, `analytics`). */
  name: string;
  /** The xAPI base URL, ending before `statements` (e.g. `https://lrs.example.com/xapi/`). */
  endpoint: string;
  auth: LrsAuth;
  actor: LrsActorMapping;
  /** Send `failed` when a reviewer scores a deliverable below the bar (off by default). */
  sendFailed?: boolean;
};

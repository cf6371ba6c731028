/** The parts of xAPI 1.0.3 that Practica writes, as plain JSON (stored in the outbox as it will be sent). */
export type LanguageMap = Record<string, string>;

export type XapiAgent = {
  objectType: 'Agent';
  name: string;
} & ({ account: { homePage: string; name: string } } | { mbox: string });

export type XapiActivity = {
  objectType: 'Activity';
  id: string;
  definition?: {
    type?: string;
    name?: LanguageMap;
    description?: LanguageMap;
    /** A document with human-readable information about the activity. */
    moreInfo?: string;
    extensions?: Record<string, unknown>;
  };
};

export type XapiResult = {
  score?: { scaled?: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  duration?: string;
  extensions?: Record<string, unknown>;
};

export type XapiContext = {
  registration?: string;
  contextActivities?: {
    parent?: XapiActivity[];
    grouping?: XapiActivity[];
    category?: XapiActivity[];
    other?: XapiActivity[];
  };
  platform?: string;
  language?: string;
  extensions?: Record<string, unknown>;
};

export type XapiStatement = {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: XapiResult;
  context?: XapiContext;
  timestamp: string;
  version?: '1.0.3';
};

/** A statement before it is addressed: the actor depends on the target, the id is fixed when the outbox row is written. */
export type StatementDraft = Omit<XapiStatement, 'id' | 'actor'>;

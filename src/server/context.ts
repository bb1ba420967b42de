import type { AccountLimiter } from './http/account-limiter';
import type { ServerConfig } from './config';
import type { ServerContent } from './content/server-content';
import type { DatabaseHandle } from './db/open-database';
import type { AnswerWriter } from './services/answer-writer';
import type { AttemptCache } from './services/attempt-cache';
import type { QuestionVersions } from './services/question-versions';

/** Requests per address per window, and tries per account, for the routes that can be abused. */
export type Limits = {
  windowMs: number;
  signInPerAddress: number;
  signUpPerAddress: number;
  triesPerAccount: number;
  /** A whole class may share one school address: these are generous. */
  startPerAddress: number;
  resumePerAddress: number;
};

export const DEFAULT_LIMITS: Limits = {
  windowMs: 60_000,
  signInPerAddress: 20,
  signUpPerAddress: 10,
  triesPerAccount: 5,
  startPerAddress: 600,
  resumePerAddress: 60,
};

/** Live sessions whose scores changed outside the session (a teacher accepted a dispute). */
export type LiveRegradeNews = {
  listen(listener: (sessionIds: readonly string[]) => void): void;
  tell(sessionIds: readonly string[]): void;
};

export function createLiveRegradeNews(): LiveRegradeNews {
  const listeners: ((sessionIds: readonly string[]) => void)[] = [];
  return {
    listen: (listener) => void listeners.push(listener),
    tell: (sessionIds) => {
      if (sessionIds.length > 0) for (const listener of listeners) listener(sessionIds);
    },
  };
}

/** What every route can use: built once at start-up by `buildApp`. */
export type AppContext = {
  config: ServerConfig;
  database: DatabaseHandle;
  content: ServerContent;
  versions: QuestionVersions;
  attemptCache: AttemptCache;
  answerWriter: AnswerWriter;
  now: () => Date;
  limits: Limits;
  signInTries: AccountLimiter;
  signUpTries: AccountLimiter;
  /** The live sessions' devices hear of a regrade through this, to show the new scores. */
  liveRegraded: LiveRegradeNews;
};

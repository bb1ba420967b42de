import type { Difficulty, QuestionType, Topic } from '../domain/question';

/** Which questions a quiz draws from, and how many. An empty or absent filter means "all". */
export type DrawSettings = {
  banks?: readonly string[];
  topics?: readonly Topic[];
  types?: readonly QuestionType[];
  difficulties?: readonly Difficulty[];
  /** Particular questions only (practising the ones missed, reviewing mistakes). */
  ids?: readonly string[];
  count: number | 'all';
  /**
   * Recently seen question ids, most recent first, left out when enough others match. When too few
   * do, they come back, those seen longest ago first. Leave this out of settings a link shares.
   */
  excludeIds?: readonly string[];
  /**
   * With `ids`: the questions come in the order the ids are listed (the first `count` of them), not
   * shuffled, and recently seen ones are not left out ("due questions, most overdue first").
   */
  keepOrder?: boolean;
};

import type { LearnerResponse } from './learner-response';

/** What a learner may say is wrong with a question. */
export const DISPUTE_KINDS = ['key', 'wording', 'second-answer', 'explanation'] as const;

export type DisputeKind = (typeof DISPUTE_KINDS)[number];

export const DISPUTE_KIND_NAMES: Readonly<Record<DisputeKind, string>> = {
  key: 'The key (the right answer) is wrong',
  wording: 'The wording is unclear or misleading',
  'second-answer': 'Another answer is right too',
  explanation: 'The explanation is wrong',
};

/** Words of a passage given as evidence: characters [start, end) of its text. */
export type DisputeSelection = { source: string; passage: string; start: number; end: number };

/**
 * A dispute filed in solo practice: kept on the device and in the backup, for the bank's authors.
 * `asked` names the question's version (its id and content hash, as the history keeps it).
 */
export type SoloDispute = {
  /** The version asked and the time filed: the same dispute has the same id on every device. */
  id: string;
  questionId: string;
  bank: string;
  asked: string;
  prompt: string;
  response: LearnerResponse | null;
  /** The response as the feedback showed it. */
  given: string;
  kind: DisputeKind;
  note: string;
  /** The selection and the words it covered when filed. */
  selection: (DisputeSelection & { quote: string }) | null;
  filedAt: number;
};

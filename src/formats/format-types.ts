import type { Question, Topic } from '../domain/question';
import type { Source } from '../domain/source';

/** What every exporter reads: the questions to write and the sources their citations point into. */
export type ExportInput = {
  questions: readonly Question[];
  sources: readonly Source[];
  /** Titles for `$CATEGORY`/category names; a bank missing here is named by its id. */
  banks?: readonly { id: string; title: string; description?: string }[];
  /** The file name without extension; `source-quiz` when not given. */
  baseName?: string;
};

export type ExportedFile = { name: string; content: string | Uint8Array };
/** A question the format cannot express, with the reason, so that nothing is dropped silently. */
export type SkippedQuestion = { questionId: string; reason: string };
export type ExportResult = {
  files: ExportedFile[];
  skipped: SkippedQuestion[];
  /** Questions written, but changed to fit the format (a weight rounded to one Moodle accepts…). */
  changed?: SkippedQuestion[];
};
export type Exporter = (input: ExportInput) => ExportResult;

/**
 * A question read from another format, in our normalized shape but not checked yet: citations
 * are usually empty (other formats do not carry them), and topics or the explanation may be empty.
 * `npm run bank -- check` tells the author what is still missing.
 */
export type DraftQuestion = Question;

/** Where in the imported file something is wrong (1-based line and column). */
export type ImportProblem = { line: number; column?: number; message: string };

export type ImportResult = {
  drafts: DraftQuestion[];
  /** Questions that were not imported, each with the reason. */
  problems: ImportProblem[];
  /** Imported, but something was lost or guessed (partial credit, HTML turned into text…). */
  notes: ImportProblem[];
  /** A title the file gives its questions (a GIFT `$CATEGORY`), if any. */
  bankTitle?: string;
  /** The line where each draft starts, in the order of `drafts`. */
  draftLines?: number[];
};
/**
 * What an importer may know besides the text: the file's name, the topics the app lists, and the ids
 * already in use (built-in questions and the teacher's own), which drafts must not take.
 */
export type ImportContext = {
  fileName?: string;
  knownTopics?: readonly Topic[];
  takenIds?: ReadonlySet<string>;
  /** Told how far reading has gone (questions read of all found), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
};
export type Importer = (text: string, context?: ImportContext) => ImportResult;

/** The bank every draft belongs to until an author files it. */
export const IMPORTED_BANK = 'imported';
export const DEFAULT_DIFFICULTY = 2;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** The fields every question has, whatever its type. */
export type DraftCommon = Pick<
  Question,
  'id' | 'bank' | 'prompt' | 'topics' | 'difficulty' | 'explanation' | 'citations'
>;
/** The fields that depend on the type: `type`, `answer`, and `choices`/`left` where the type has them. */
export type QuestionBody = DistributiveOmit<Question, keyof DraftCommon>;

export function makeDraft(body: QuestionBody, common: DraftCommon): DraftQuestion {
  return { ...body, ...common };
}

import { stringify } from 'yaml';
import type { DisputeKind } from '../domain/dispute';
import type { Question } from '../domain/question';

/**
 * A change a teacher accepted to a question of the built-in banks, which the app does not edit
 * (they ship with it, and every server and device shares them): the bank's authors get it as a
 * patch to apply by hand, with the learner's evidence that led to it.
 */
export type QuestionPatch = {
  /** The question as the learner was asked it, which is what the bank holds. */
  before: Question;
  /** The question with the accepted change. */
  after: Question;
  /** The change as the engine applied it (`{ kind, … }`). */
  change: unknown;
  dispute: {
    kind: DisputeKind;
    note: string;
    quote: { source: string; passage: string; words: string } | null;
  };
  reply: string | null;
  accepted: { by: string; at: string } | null;
};

type FieldChange = { field: string; old: unknown; new: unknown };

/** The question's fields that differ, in the order the question lists them, with both values. */
export function changedFields(before: Question, after: Question): FieldChange[] {
  const was = new Map<string, unknown>(Object.entries(before));
  const is = new Map<string, unknown>(Object.entries(after));
  const names = [...new Set([...was.keys(), ...is.keys()])];
  return names
    .filter((name) => JSON.stringify(was.get(name)) !== JSON.stringify(is.get(name)))
    .map((name) => ({ field: name, old: was.get(name) ?? null, new: is.get(name) ?? null }));
}

/** The patch as YAML, under a comment saying what it is and how to apply it. */
export function questionPatchYaml(patch: QuestionPatch): string {
  const { before, after, dispute } = patch;
  const document = {
    question: before.id,
    bank: before.bank,
    change: patch.change,
    fields: changedFields(before, after),
    dispute: {
      kind: dispute.kind,
      note: dispute.note,
      ...(dispute.quote ? { quote: dispute.quote } : {}),
    },
    ...(patch.reply ? { reply: patch.reply } : {}),
    ...(patch.accepted ? { accepted: patch.accepted } : {}),
  };
  const header = [
    `# A change to question ${before.id} of the bank "${before.bank}", accepted after a learner's dispute.`,
    '# For its authors: set each field listed under `fields` to its `new` value in the bank file',
    `# whose id is ${before.bank} (questions/banks/), then run \`npm run bank -- check\`.`,
  ].join('\n');
  return `${header}\n${stringify(document, { lineWidth: 0, flowCollectionPadding: false })}`;
}

/** A file name for the patch: the question's id, safe on every system. */
export function questionPatchFileName(question: Question): string {
  return `patch-${question.id.replace(/[^A-Za-z0-9_-]/g, '-')}.yaml`;
}

import type { DisputeSelection } from '../domain/dispute';

// The limits and checks of a dispute, in one place: the forms (solo and classroom), the saved and
// imported disputes and the server all use these.

/** The longest line a learner may write, in characters (after spaces are tidied). */
export const MAX_DISPUTE_TEXT = 1000;
/** How many disputes a learner may file on one question. */
export const MAX_DISPUTES_PER_QUESTION = 3;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const TAG = /<\/?[a-z][^>]*>/i;

/** The line as it is kept: one line, composed characters, no spaces at either end. */
export function tidyDisputeText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** True when the text holds control characters or half a character (a lone surrogate). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text) || LONE_SURROGATE.test(text);
}

/** Why a tidied line cannot be kept, in a sentence, or null when it can. */
export function disputeTextProblem(tidied: string, what = 'line'): string | null {
  if (tidied === '') return `Your ${what} is empty: say in a line what is wrong.`;
  if (tidied.length > MAX_DISPUTE_TEXT) {
    return `Your ${what} is ${tidied.length.toLocaleString('en')} characters long; keep it to ${MAX_DISPUTE_TEXT.toLocaleString('en')}.`;
  }
  if (hasControlCharacters(tidied)) {
    return `Your ${what} has invisible control characters; type it again rather than pasting it.`;
  }
  return null;
}

/** True when the line holds something that looks like a tag: it is kept as typed, never as markup. */
export function looksLikeMarkup(text: string): boolean {
  return TAG.test(text);
}

/** Why a selection is not words of `passageText`, or null when it is. */
export function selectionProblem(selection: DisputeSelection, passageText: string): string | null {
  const { start, end } = selection;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > passageText.length) {
    return 'The selected words are outside the passage: select them in the passage shown.';
  }
  if (end <= start || passageText.slice(start, end).trim() === '') {
    return 'The selection is empty: select at least one word of the passage.';
  }
  return null;
}

/** A passage shown beside a question, which a learner may quote. */
export type QuotablePassage = { source: string; passage: string; text: string };

/**
 * Where the quoted words are in the passages (the first place they appear), `null` when nothing is
 * quoted, and 'not-found' when they are in none of them.
 */
export function locateQuote(
  passages: readonly QuotablePassage[],
  words: string,
): (DisputeSelection & { quote: string }) | null | 'not-found' {
  const quoted = words.trim();
  if (quoted === '') return null;
  for (const passage of passages) {
    const start = passage.text.indexOf(quoted);
    if (start >= 0) {
      return {
        source: passage.source,
        passage: passage.passage,
        start,
        end: start + quoted.length,
        quote: quoted,
      };
    }
  }
  return 'not-found';
}

export type DisputeDraft = { note: string; words: string };

export type CheckedDraft =
  | { ok: true; note: string; selection: (DisputeSelection & { quote: string }) | null }
  | { ok: false; problem: string };

/** Checks what a learner typed in the dispute form against the passages shown beside it. */
export function checkDisputeDraft(draft: DisputeDraft, passages: readonly QuotablePassage[]): CheckedDraft {
  const selection = locateQuote(passages, draft.words);
  if (selection === 'not-found') {
    return {
      ok: false,
      problem: 'These words are not in the passage: copy them exactly, or select them.',
    };
  }
  // The offsets are checked against the passage they point into before they are kept or sent.
  const quoted =
    selection &&
    passages.find((passage) => passage.source === selection.source && passage.passage === selection.passage);
  const outside = selection && quoted ? selectionProblem(selection, quoted.text) : null;
  if (outside) return { ok: false, problem: outside };
  const note = tidyDisputeText(draft.note);
  const problem = disputeTextProblem(note);
  if (problem) return { ok: false, problem };
  return { ok: true, note, selection };
}

/** Why the learner cannot file one more dispute on a question, or null when they can. */
export function disputeLimitProblem(filedOnQuestion: number): string | null {
  return filedOnQuestion >= MAX_DISPUTES_PER_QUESTION
    ? `You have already filed ${MAX_DISPUTES_PER_QUESTION} disputes on this question; delete one under My disputes to file another.`
    : null;
}

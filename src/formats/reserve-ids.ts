import { createIdGiver } from './draft-id';
import type { ImportResult } from './format-types';

/**
 * Gives every draft an id no other question has: not a built-in question's, not one of the teacher's
 * own, not another draft's. Two questions sharing an id would share their history, so a draft that
 * asks for a taken id is renamed, and a note says so at its line.
 */
export function reserveIds(result: ImportResult, taken: ReadonlySet<string> = new Set()): ImportResult {
  const giveId = createIdGiver(taken);
  const notes = [...result.notes];
  const drafts = result.drafts.map((draft, index) => {
    const id = giveId(draft.id, draft.prompt);
    if (id === draft.id) return draft;
    notes.push({
      line: result.draftLines?.[index] ?? 1,
      message: `the id "${draft.id}" is already used ${taken.has(draft.id) ? 'by a question in the app or in My questions' : 'by another question in this file'}: renamed "${id}"`,
    });
    return { ...draft, id };
  });
  return { ...result, drafts, notes };
}

import type { Question } from '../domain/question';
import type { Source } from '../domain/source';
import { foldWhitespace } from '../domain/fold-text';
import { questionSchema } from './question-schema';

/**
 * The checks an imported question passes before it joins a bank, as the bank checker does: a valid
 * shape, and every citation's quote word for word in its passage. Says what is wrong otherwise.
 */
export function checkAcceptedQuestion(
  question: Question,
  sources: readonly Source[],
): { ok: true; question: Question } | { ok: false; problem: string } {
  const parsed = questionSchema.safeParse(question);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const plain: Record<string, string> = {
      topics: 'choose at least one topic',
      explanation: 'write an explanation of why the answer is right',
      citations: 'choose the passage the answer comes from',
    };
    return {
      ok: false,
      problem: plain[field] ?? `${issue?.path.join('.') || 'question'}: ${issue?.message ?? 'not valid'}`,
    };
  }
  for (const citation of parsed.data.citations) {
    const passage = sources
      .find((s) => s.id === citation.source)
      ?.passages.find((p) => p.id === citation.passage);
    if (!passage) return { ok: false, problem: `there is no passage ${citation.source}/${citation.passage}` };
    if (!foldWhitespace(passage.text).includes(foldWhitespace(citation.quote))) {
      return { ok: false, problem: 'the quote is not word for word in the passage' };
    }
  }
  return { ok: true, question: parsed.data };
}

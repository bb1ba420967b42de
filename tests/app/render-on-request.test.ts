import { describe, expect, it } from 'vitest';
import { builtInContent } from '@/app/built-in-content';
import { renderOnRequest } from '@/app/render-on-request';
import { currentQuestion, startQuiz } from '@/engine/quiz-session';
import { drawSettingsOf, settingsFromParams } from '@/features/quiz/quiz-settings';

const topics = builtInContent.catalog.topics.map((topic) => topic.id);

/** The first question the browser draws for a quiz's address, as its store does. */
async function firstQuestionAt(search: string) {
  const parsed = settingsFromParams(new URLSearchParams(search), topics);
  if (!parsed.ok) throw new Error(parsed.problem);
  const { settings } = parsed;
  const session = startQuiz({
    pool: await builtInContent.loadQuestions(settings.banks),
    settings: drawSettingsOf(settings),
    seed: settings.seed,
    mode: settings.mode,
    startedAt: Date.now(),
  });
  const presented = currentQuestion(session);
  if (!presented) throw new Error(`no question at ${search}`);
  return presented;
}

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe("the server's render of a quiz's first question", () => {
  it('shows the question the browser draws for the same address, with its choices', async () => {
    for (const search of [
      '?types=single&count=5&mode=practice&seed=first1',
      '?types=multiple,true-false&count=10&mode=test&seed=first2',
      '?count=all&mode=practice&seed=zz9',
    ]) {
      const page = await renderOnRequest('/quiz/play', search);
      const presented = await firstQuestionAt(search);
      expect(page?.title, search).toBe('Quiz · Source Quiz');
      expect(page?.markup, search).toContain(escaped(presented.question.prompt));
      expect(page?.markup, search).toMatch(/Question <!-- -->1<!-- --> of/);
      for (const choice of presented.question.type === 'single' || presented.question.type === 'multiple'
        ? presented.question.choices
        : [])
        expect(page?.markup, search).toContain(escaped(choice.text));
    }
  });

  it('renders its answer and buttons disabled: a choice made before the code runs would be lost', async () => {
    const page = await renderOnRequest('/quiz/play', '?types=single&count=3&mode=test&seed=first3');
    expect(page?.markup).toMatch(/<fieldset class="answer-choices"[^>]* disabled=""/);
    expect(page?.markup).toMatch(/<button type="submit" class="button" disabled="">Save and continue/);
    expect(page?.markup).toMatch(/disabled="">Finish the test now/);
  });

  it('leaves to the browser what only it can show, and any other address', async () => {
    for (const [path, search] of [
      // A timed quiz's clock starts in the browser; an assignment's questions come from its code.
      ['/quiz/play', '?count=5&minutes=10&seed=first4'],
      ['/quiz/play', '?assignment=AAAA&student=Ann&seed=first5'],
      // "My questions" are on the device only.
      ['/quiz/play', '?banks=my-questions&count=5&seed=first6'],
      // A damaged link gets its error from the browser; no question matches an unknown id.
      ['/quiz/play', '?count=5&seed=NOT-A-SEED'],
      ['/quiz/play', '?ids=no-such-question&count=all&seed=first7'],
      ['/review', ''],
      ['/quiz', '?count=5&seed=first8'],
    ]) {
      expect(await renderOnRequest(path ?? '', search ?? ''), `${path}${search}`).toBeNull();
    }
  });
});

import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { storageNotices } from '@/stores/storage-notices';
import { fixtureAccess, fixtureContent } from '../../kit/fixture-content';
import { renderPage } from '../../kit/render-app';

// My questions load only when a quiz may need them (src/stores/my-questions-loading.ts): these are
// the quizzes that do, on a device that saved them. The first test loads the store as a page does.

/** What a new page does with a store already loaded by an earlier test: reads what was saved. */
async function reread() {
  const { useMyQuestionsStore } = await import('@/stores/my-questions-store');
  await useMyQuestionsStore.persist.rehydrate();
}

const KEY = 'source-quiz:my-questions';
const source = fixtureContent().questions.find((question) => question.type === 'single');
if (!source) throw new Error('the fixtures have no single-choice question');
const mine = { ...source, id: 'mine-seeded', bank: 'my-questions', prompt: `Mine: ${source.prompt}` };

beforeEach(() => {
  localStorage.clear();
  storageNotices.setState({ notices: [] });
});

describe('My questions in a quiz', () => {
  it('sets a damaged saved list aside, says so, and the quiz goes on with the other banks', async () => {
    localStorage.setItem(KEY, '{"state":{"questions":[{"id":"no-such-shape"}]},"version":1}');
    await renderPage('/quiz/play?count=2&mode=practice&seed=mine2', { content: fixtureAccess() });
    expect(await screen.findByText('Question 1 of 2', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(storageNotices.getState().notices).toMatchObject([{ kind: 'corrupt', key: KEY }]);
    const backups = Object.keys(localStorage).filter((key) => key.startsWith(`${KEY}:backup:`));
    expect(backups).toHaveLength(1);
  });

  it('draws the ones this device saved, checked as they are read', async () => {
    localStorage.setItem(KEY, JSON.stringify({ state: { questions: [mine] }, version: 1 }));
    await reread();
    await renderPage('/quiz/play?banks=my-questions&count=all&mode=practice&seed=mine1', {
      content: fixtureAccess(),
    });
    expect(await screen.findByText('Question 1 of 1', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(mine.prompt)).toBeInTheDocument();
    expect(storageNotices.getState().notices).toEqual([]);
  });
});

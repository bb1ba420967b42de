import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../kit/render-app';
import { useQuizStore } from '@/stores/quiz-store';

const renderAt = (path: string) => renderApp(path);

beforeEach(() => {
  localStorage.clear();
  useQuizStore.setState({ session: null, sessionKey: null, timer: null });
});

describe('a practice of listed questions, two of them related', () => {
  it(
    'keeps the first listed, leaves the other for another quiz, and says so',
    { timeout: 30_000 },
    async () => {
      // The year of diplomatic relations is also asked by the early-years matching question.
      renderAt(
        '/quiz/play?ids=diplomatic-relations-year,ey-early-years-matching,st-european-partner-rank&count=all&order=listed&mode=practice&seed=related1',
      );
      expect(await screen.findByText('Question 1 of 2', {}, { timeout: 15_000 })).toBeInTheDocument();
      expect(
        screen.getByText(
          '1 question was kept for another quiz: it asks the same fact as a question in this one, or would give its answer away.',
        ),
      ).toBeInTheDocument();
      const asked = useQuizStore.getState().session?.questions.map(({ question }) => question.id);
      expect(asked).toEqual(['diplomatic-relations-year', 'st-european-partner-rank']);
    },
  );
});

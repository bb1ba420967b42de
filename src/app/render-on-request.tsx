import { Route, Routes, StaticRouter } from 'react-router';
import { startQuiz } from '@/engine/quiz-session';
import { QuizInProgress } from '@/features/quiz/quiz-in-progress';
import { drawSettingsOf, settingsFromParams } from '@/features/quiz/quiz-settings';
import { ContentContext } from '@/hooks/use-content';
import { fullPageTitle } from '@/hooks/use-page-title';
import { ROUTES } from '@/navigation/paths';
import { MY_QUESTIONS_BANK } from '@/stores/my-questions-store';
import { builtInContent } from './built-in-content';
import { Layout } from './layout';
import { renderToHtml } from './prerender-page';

export type RenderedPage = { markup: string; title: string };

// The banks load when the server starts, not at the first quiz asked for.
void builtInContent.loadQuestions([]);

/**
 * What the server renders into a screen shell at the moment it is asked for an address the build
 * could not know (src/server/http/rendered-page.ts): the first question of a quiz whose link holds
 * all it needs, so a first visit paints the question from the HTML instead of after the scripts.
 * Null for anything else, which gets the shell as before. Built for Node by
 * src/build/render-bundle-plugin.ts.
 */
export async function renderOnRequest(path: string, search: string): Promise<RenderedPage | null> {
  if (path !== ROUTES.quizPlay) return null;
  return renderFirstQuestion(new URLSearchParams(search), `${path}${search}`);
}

async function renderFirstQuestion(params: URLSearchParams, address: string): Promise<RenderedPage | null> {
  // Left to the browser: an assignment's questions come from its code, a timed quiz's clock starts
  // there, and "My questions" live on the device.
  if (params.has('assignment')) return null;
  const { catalog } = builtInContent;
  const parsed = settingsFromParams(
    params,
    catalog.topics.map((topic) => topic.id),
  );
  if (!parsed.ok || parsed.settings.minutes > 0) return null;
  const { settings } = parsed;
  if (settings.banks.includes(MY_QUESTIONS_BANK)) return null;
  // The same draw as the browser's (quiz-store.ts): the seed is in the address.
  const session = startQuiz({
    pool: await builtInContent.loadQuestions(settings.banks),
    settings: drawSettingsOf(settings),
    seed: settings.seed,
    mode: settings.mode,
    startedAt: 0,
  });
  if (session.questions.length === 0) return null;
  const markup = await renderToHtml(
    address,
    <ContentContext value={builtInContent}>
      <StaticRouter location={address}>
        <Routes>
          <Route element={<Layout />}>
            <Route path="*" element={<QuizInProgress session={session} timer={null} backTo={address} />} />
          </Route>
        </Routes>
      </StaticRouter>
    </ContentContext>,
  );
  return { markup, title: fullPageTitle('Quiz') };
}

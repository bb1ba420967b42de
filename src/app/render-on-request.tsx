import { matchPath } from 'react-router';
import { z } from 'zod';
import { startQuiz } from '@/engine/quiz-session';
import { assignmentReads, readReply } from '@/features/classroom/server/api-client';
import { AssignmentView } from '@/features/classroom/server/server-assignment-page';
import { pinInAddress, playerViewSchema } from '@/features/classroom/live/live-client';
import { ServedPlayerScreen } from '@/features/classroom/live/join-live-page';
import { QuizInProgress } from '@/features/quiz/quiz-in-progress';
import { drawSettingsOf, settingsFromParams } from '@/features/quiz/quiz-settings';
import { fullPageTitle } from '@/hooks/use-page-title';
import { ROUTES } from '@/navigation/paths';
import { MY_QUESTIONS_BANK } from '@/stores/my-questions-loading';
import { builtInContent } from './built-in-content';
import { renderInLayout } from './prerender-page';

export type RenderedPage = { markup: string; title: string };

/** The API's answer with the view of the player in the request's seat cookie (live-socket.ts). */
const LIVE_PLAYER_PATH = '/api/live/player';

/** The server's answer to one of the API requests a page is made from: its status and JSON body. */
export type ApiAnswer = { status: number; body: unknown };

/** What the server knows of the request beyond its address. */
export type RequestFacts = {
  /** The answers to `apiPathsFor(path)`, asked with the request's own cookie, by path. */
  answers: Record<string, ApiAnswer>;
  /** Where students open the app: the server's public address, or the request's. */
  origin: string;
};

// The banks load when the server starts, not at the first quiz asked for.
void builtInContent.loadQuestions([]);

/**
 * What the server renders into a screen shell at the moment it is asked for an address the build
 * could not know (src/server/http/rendered-page.ts), so a first visit paints from the HTML instead of
 * after the scripts: the first question of a quiz whose link holds all it needs, and a teacher's
 * assignment with its students. Null for anything else, which gets the shell as before. Built for
 * Node by src/build/render-bundle-plugin.ts.
 */
export async function renderOnRequest(
  path: string,
  search: string,
  facts: RequestFacts = { answers: {}, origin: '' },
): Promise<RenderedPage | null> {
  if (path === ROUTES.quizPlay) return renderFirstQuestion(new URLSearchParams(search), `${path}${search}`);
  if (path === ROUTES.liveJoin) return renderReturningPlayer(path, new URLSearchParams(search), facts);
  const assignmentId = teacherAssignmentIn(path);
  if (assignmentId !== null) return renderTeacherAssignment(path, assignmentId, facts);
  return null;
}

/**
 * The API's GET requests the page at `path` is made from; the server asks them of itself with the
 * request's cookie, so what a page shows is what that teacher may see, checked by the API's own rules.
 */
export function apiPathsFor(path: string): string[] {
  // The player whose seat the request's cookie holds (decision 013).
  if (path === ROUTES.liveJoin) return [LIVE_PLAYER_PATH];
  const id = teacherAssignmentIn(path);
  if (id === null) return [];
  // The assignment's own answer says whether a teacher is signed in, and whether it is theirs.
  return [assignmentReads.assignment(id).path, assignmentReads.progress(id).path];
}

function teacherAssignmentIn(path: string): string | null {
  if (path === ROUTES.serverAssignmentBuilder) return null;
  const id = matchPath(ROUTES.serverAssignment, path)?.params.assignmentId;
  return id === undefined || id === '' ? null : id;
}

/**
 * A signed-in teacher's assignment, as the page shows it once its data has come. Anything else (signed
 * out, not theirs, an answer that does not read) is left to the browser, which says what is wrong.
 */
async function renderTeacherAssignment(
  path: string,
  id: string,
  { answers, origin }: RequestFacts,
): Promise<RenderedPage | null> {
  const read = <T,>({ path: asked, schema }: { path: string; schema: z.ZodType<T> }) => {
    const answer = answers[asked];
    return answer ? readReply(answer.status, answer.body, schema) : null;
  };
  const assignment = read(assignmentReads.assignment(id));
  if (!assignment?.ok) return null;
  const progress = read(assignmentReads.progress(id));
  const markup = await renderInLayout(
    path,
    path,
    <AssignmentView
      assignment={assignment.data}
      progress={progress?.ok ? progress.data : null}
      origin={origin}
      onChanged={() => undefined}
    />,
  );
  return { markup, title: fullPageTitle(`Assignment: ${assignment.data.title}`) };
}

/**
 * A device that joined a live session, reloading the join page: its player's screen as the session
 * stands. No seat, one the server does not know, or an address with another session's PIN (a student
 * arriving for a new session), and it is the join form the build made.
 */
async function renderReturningPlayer(
  path: string,
  params: URLSearchParams,
  { answers }: RequestFacts,
): Promise<RenderedPage | null> {
  const answer = answers[LIVE_PLAYER_PATH];
  const schema = z.object({ view: playerViewSchema, pin: z.string() });
  const read = answer ? readReply(answer.status, answer.body, schema) : null;
  if (!read?.ok) return null;
  const asked = pinInAddress(params);
  if (asked !== null && asked !== read.data.pin) return null;
  const { view } = read.data;
  const markup = await renderInLayout(path, path, <ServedPlayerScreen view={view} />);
  return { markup, title: fullPageTitle(view.title) };
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
  const markup = await renderInLayout(
    address,
    address,
    <QuizInProgress session={session} timer={null} backTo={address} />,
  );
  return { markup, title: fullPageTitle('Quiz') };
}

import type { Question } from '../../domain/question';
import type { LearnerResponse } from '../../domain/learner-response';
import { buildClassReport, type StudentResult } from '../../engine/class-report';
import type { StudentResponse } from '../api-schemas';
import { translateResponse } from '../content/student-question';
import type { Database } from '../db/open-database';
import { teacherRevisions, withRevisions } from '../services/question-revisions';
import { gradedVersion, type QuestionVersions } from '../services/question-versions';
import { allAnswers, listPlayers, type LiveQuestion, type LiveRow } from './live-store';

/**
 * The same class report as an assignment's, built by the engine from the session's stored answers:
 * one row per player who stayed in the session, graded against the version each question had, or
 * the revision the teacher has accepted since (issue 18): the points stored on arrival are not read.
 */
export async function liveReport(
  db: Database,
  versions: QuestionVersions,
  row: LiveRow,
  asked: readonly LiveQuestion[],
) {
  const [players, answers, revisions] = await Promise.all([
    listPlayers(db, row.id),
    allAnswers(db, row.id),
    teacherRevisions(db, row.teacherId),
  ]);
  const questions = await withRevisions(versions, revisions, asked);
  const ids = questions.map((question) => question.presented.question.id);
  const questionsById = new Map<string, Question>(
    questions.map((question) => [question.presented.question.id, gradedVersion(question).question]),
  );
  const responses = new Map<string, (LearnerResponse | null)[]>();
  for (const answer of answers) {
    const question = questions[answer.questionIndex];
    if (!question) continue;
    const translated = translateResponse(question.presented, answer.response as StudentResponse);
    const list = responses.get(answer.playerId) ?? ids.map(() => null);
    list[answer.questionIndex] = translated.ok ? translated.response : null;
    responses.set(answer.playerId, list);
  }
  const results: StudentResult[] = players
    .filter((player) => !player.removed)
    .map((player) => ({
      student: player.name,
      responses: responses.get(player.id) ?? ids.map(() => null),
      finishedAt: (row.endedAt ?? row.createdAt).getTime(),
    }));
  return buildClassReport(ids, results, questionsById);
}

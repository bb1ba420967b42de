import { roundPoints } from '../../domain/round';
import { gradeAnswer } from '../../engine/grade-answer';
import type { StudentResponse } from '../api-schemas';
import { translateResponse } from '../content/student-question';
import type { Database } from '../db/open-database';
import { teacherRevisions, withRevisions } from '../services/question-revisions';
import { gradedVersion, type QuestionVersions } from '../services/question-versions';
import type { LiveQuestion, LiveRow, LiveScore, RevisedLiveAnswer } from './live-store';

/**
 * A session's scores once the answers to questions its teacher changed after a dispute are graded
 * again, by the engine, against the revision, as the session's report grades them (issue 18).
 * `kept` sums the points given on arrival to every other answer. A speed bonus is a share of the
 * points: it follows the new points in the same share, and an answer that had no points had no
 * bonus, whose speed cannot be worked out afterwards (the question's start is not kept). The
 * questions come back with the revision each is graded against now, for the reveal's feedback.
 */
export async function regradedScores(
  db: Database,
  versions: QuestionVersions,
  row: Pick<LiveRow, 'teacherId'>,
  questions: readonly LiveQuestion[],
  kept: readonly LiveScore[],
  revised: readonly RevisedLiveAnswer[],
): Promise<{ scores: LiveScore[]; questions: LiveQuestion[] }> {
  if (revised.length === 0) return { scores: [...kept], questions: [...questions] };
  const graded = await withRevisions(versions, await teacherRevisions(db, row.teacherId), questions);
  const totals = new Map(kept.map((score) => [score.playerId, { ...score }]));
  for (const answer of revised) {
    const asked = graded[answer.questionIndex];
    if (!asked) continue;
    const translated = translateResponse(asked.presented, answer.response as StudentResponse);
    const { points } = gradeAnswer(gradedVersion(asked), translated.ok ? translated.response : null);
    const bonus = answer.points > 0 ? roundPoints((answer.bonus * points) / answer.points) : 0;
    const total = totals.get(answer.playerId) ?? { playerId: answer.playerId, points: 0, bonus: 0 };
    totals.set(answer.playerId, {
      playerId: answer.playerId,
      points: total.points + points,
      bonus: total.bonus + bonus,
    });
  }
  return { scores: [...totals.values()], questions: graded };
}

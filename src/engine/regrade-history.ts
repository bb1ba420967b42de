import type { Question } from '../domain/question';
import { gradeAnswer } from './grade-answer';
import { answerKey, questionKeyOf, type AnswerRecord, type History, type RegradeRecord } from './history';

/**
 * Regrading on the learner's device: when the banks hold a version of a question other than the one
 * an answer is graded against, the answer's raw response is graded again, by the same engine, with
 * the version now in the banks. The answer record is never changed; the regrade is a record of its
 * own, kept beside it, so the old grade stays readable and each new version regrades an answer once.
 *
 * A version is the question's key in the history (`questionKeyOf`: its id and a hash of its whole
 * content), which every answer has recorded since the history began (`asked`), so there is no answer
 * without one.
 */

/** What identifies a regrade: the answer, when, and the version it was graded with. */
export function regradeKey(regrade: Pick<RegradeRecord, 'answer' | 'to' | 'regradedAt'>): string {
  return `${regrade.answer}@${regrade.regradedAt}>${regrade.to}`;
}

/** The latest regrade of each answer, by answer key (equal times by key, the same on every device). */
export function latestRegrades(regrades: readonly RegradeRecord[] = []): Map<string, RegradeRecord> {
  const latest = new Map<string, RegradeRecord>();
  for (const regrade of regrades) {
    const kept = latest.get(regrade.answer);
    const isLater =
      !kept ||
      regrade.regradedAt > kept.regradedAt ||
      (regrade.regradedAt === kept.regradedAt && regradeKey(regrade) > regradeKey(kept));
    if (isLater) latest.set(regrade.answer, regrade);
  }
  return latest;
}

/**
 * Attempts whose answers a classroom server graded (an assignment on the server, a live session):
 * the server regrades them itself, against the revisions its teacher accepted, which the banks on
 * this device may not hold; the device leaves them as the server graded them.
 */
function isGradedByServer(seed: string): boolean {
  return seed.startsWith('server-') || seed.startsWith('live-');
}

export type RegradesDue = { regrades: RegradeRecord[]; questions: Record<string, Question> };

/**
 * `facts` and `related` only steer draws (declaring a relation elsewhere changes `related`), so a
 * version that differs in nothing else is no new version for grading, as on the server.
 */
function isSameForLearner(left: Question, right: Question): boolean {
  const plain = (question: Question) => questionKeyOf({ ...question, facts: [], related: [] });
  return plain(left) === plain(right);
}

/**
 * The regrades the questions in `current` (the banks as loaded now) call for: one for each answer
 * whose question is there in another version than the one it is graded against, of the same type
 * (a response to another type cannot be read against it), with that version to add to the history.
 * Answers to questions no longer in the banks stay as they were graded. Pure.
 */
export function regradesDue(history: History, current: readonly Question[], at: number): RegradesDue {
  const due: RegradesDue = { regrades: [], questions: {} };
  if (history.answers.length === 0 || current.length === 0) return due;
  const byId = new Map(current.map((question) => [question.id, question]));
  const keys = new Map<string, string>();
  const serverAttempts = new Set(
    history.attempts.filter((attempt) => isGradedByServer(attempt.seed)).map((attempt) => attempt.id),
  );
  const latest = latestRegrades(history.regrades);
  /** By the version an answer stands graded against: whether the banks' version changed it. */
  const changed = new Map<string, boolean>();
  for (const answer of history.answers) {
    const question = byId.get(answer.questionId);
    if (!question || serverAttempts.has(answer.attemptId)) continue;
    let key = keys.get(question.id);
    if (key === undefined) {
      key = questionKeyOf(question);
      keys.set(question.id, key);
    }
    const id = latest.size === 0 ? '' : answerKey(answer);
    const standing = latest.get(id)?.to ?? answer.asked;
    if (standing === key) continue;
    let isChanged = changed.get(standing);
    if (isChanged === undefined) {
      const graded = history.questions[standing];
      isChanged =
        graded !== undefined && graded.type === question.type && !isSameForLearner(graded, question);
      changed.set(standing, isChanged);
    }
    if (!isChanged) continue;
    due.regrades.push({
      answer: id || answerKey(answer),
      questionId: question.id,
      from: standing,
      to: key,
      grade: gradeAnswer(question, answer.response),
      regradedAt: at,
    });
    if (!Object.hasOwn(history.questions, key)) due.questions[key] = question;
  }
  return due;
}

/** The history with `added` regrades (each once, by key) and the versions they name. */
export function withRegrades(history: History, added: RegradesDue): History {
  if (added.regrades.length === 0) return history;
  const known = new Set((history.regrades ?? []).map(regradeKey));
  const regrades = added.regrades.filter((regrade) => !known.has(regradeKey(regrade)));
  if (regrades.length === 0) return history;
  return {
    ...history,
    questions: { ...added.questions, ...history.questions },
    regrades: [...(history.regrades ?? []), ...regrades],
  };
}

/** `gradedAnswers` of one question only: what its schedule is replayed from. */
export function gradedAnswersOf(history: History, questionId: string): AnswerRecord[] {
  const own = history.answers.filter((answer) => answer.questionId === questionId);
  if (!history.regrades?.some((regrade) => regrade.questionId === questionId)) return own;
  return [...gradedAnswers({ ...history, answers: own })];
}

/**
 * The answers as they count now: each regraded one with its latest grade and the version it was
 * graded with (a new object; the raw response and time are the same). Review, mastery and the
 * schedules read these. The same array when nothing was regraded.
 */
export function gradedAnswers(history: History): readonly AnswerRecord[] {
  const latest = latestRegrades(history.regrades);
  if (latest.size === 0) return history.answers;
  return history.answers.map((answer) => {
    const regrade = latest.get(answerKey(answer));
    return regrade ? { ...answer, asked: regrade.to, grade: regrade.grade } : answer;
  });
}

/** An answer whose verdict a regrade changed: what it was first graded, and what it is now. */
export type ChangedVerdict = { answer: AnswerRecord; regrade: RegradeRecord };

/** The answers whose latest regrade changed their points, most recently regraded first. */
export function changedVerdicts(history: History): ChangedVerdict[] {
  const latest = latestRegrades(history.regrades);
  if (latest.size === 0) return [];
  const changed: ChangedVerdict[] = [];
  for (const answer of history.answers) {
    const regrade = latest.get(answerKey(answer));
    if (regrade && regrade.grade.points !== answer.grade.points) changed.push({ answer, regrade });
  }
  return changed.sort(
    (left, right) =>
      right.regrade.regradedAt - left.regrade.regradedAt || right.answer.answeredAt - left.answer.answeredAt,
  );
}

/** How many regrades each question's answers have had: part of what its saved schedule was replayed from. */
export function regradeCounts(history: Pick<History, 'regrades'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const regrade of history.regrades ?? [])
    counts.set(regrade.questionId, (counts.get(regrade.questionId) ?? 0) + 1);
  return counts;
}

import { GradeFeedback, VerdictLine } from '@/components/grade-feedback';
import { SoloDisputeQuestion } from '@/components/solo-dispute';
import type { Mistake } from '@/engine/review-queue';
import { useIsQuestionInBanks } from '@/hooks/use-due-questions';
import { formatDate } from '@/lib/local-day';
import { paths } from '@/navigation/paths';
import { RegradeNote } from './regrade-note';

/** One question the learner gets wrong: what they answered, the right answer, why, and the passage. */
export function MistakeItem({ mistake }: { mistake: Mistake }) {
  const { question, answer } = mistake;
  const isQuestionInBanks = useIsQuestionInBanks();
  return (
    <li className="card review-item">
      <h4 className="review-item__prompt">{question.prompt}</h4>
      <p className="review-item__meta">
        <VerdictLine grade={answer.grade} />
        <span className="muted">Answered on {formatDate(answer.answeredAt)}</span>
      </p>
      {mistake.firstGrade && <RegradeNote first={mistake.firstGrade} now={answer.grade} />}
      {!isQuestionInBanks(mistake.questionId) && (
        <p className="notice">
          This question is no longer in the question banks, so it cannot be practised again. Your answer is
          kept.
        </p>
      )}
      <GradeFeedback question={question} grade={answer.grade} backTo={paths.review()} />
      <SoloDisputeQuestion question={question} response={answer.response} given={answer.grade.given} />
    </li>
  );
}

import type { Question } from '@/domain/question';
import { Link } from 'react-router';
import { gradeAnswer } from '@/engine/grade-answer';
import { passageHref } from '@/navigation/source-links';
import { QUESTION_TYPE_NAMES } from '@/domain/question-type-names';

/** A question's answer and citation, folded away until the teacher opens it. */
export function QuestionPreview({ question }: { question: Question }) {
  const expected = gradeAnswer(question, null).expected;
  return (
    <details className="preview">
      <summary>
        Preview{' '}
        <span className="muted">
          · {QUESTION_TYPE_NAMES[question.type]} · difficulty {question.difficulty}
        </span>
      </summary>
      <p>
        <strong>Answer:</strong> {expected}
      </p>
      <p>{question.explanation}</p>
      {question.citations.map((citation) => (
        <blockquote key={`${citation.source}/${citation.passage}`} className="citation__quote">
          {citation.quote}{' '}
          <Link to={passageHref(citation.source, citation.passage, citation.quote)}>(source)</Link>
        </blockquote>
      ))}
    </details>
  );
}

import type { Question } from '@/domain/question';
import { Link } from 'react-router';
import { gradeAnswer } from '@/engine/grade-answer';
import { paths } from '@/navigation/paths';
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
      {question.citations.map((citation, index) => (
        <blockquote key={index} className="citation__quote">
          {citation.quote}{' '}
          <Link to={paths.passage(citation.source, citation.passage, { quote: citation.quote })}>
            (source)
          </Link>
        </blockquote>
      ))}
    </details>
  );
}

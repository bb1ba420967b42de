export type Verdict = 'correct' | 'partial' | 'wrong' | 'unanswered';

/** One choice of a single or multiple choice question: chosen or not, and whether it should have been. */
export type ChoicePart = {
  kind: 'choice';
  choiceId: string;
  text: string;
  isSelected: boolean;
  isAnswer: boolean;
  isRight: boolean;
};

/** One ordering item: where the learner put it and where it belongs (0-based; null when left out). */
export type PositionPart = {
  kind: 'position';
  choiceId: string;
  text: string;
  givenIndex: number | null;
  expectedIndex: number;
  isRight: boolean;
};

/** One matching pair: the left-hand item, the choice the learner gave it, and the right one. */
export type PairPart = {
  kind: 'pair';
  leftId: string;
  leftText: string;
  givenChoiceId: string | null;
  givenText: string | null;
  expectedChoiceId: string;
  expectedText: string;
  isRight: boolean;
};

export type GradePart = ChoicePart | PositionPart | PairPart;

export type Grade = {
  questionId: string;
  /** Between 0 and `maxPoints`. */
  points: number;
  maxPoints: 1;
  verdict: Verdict;
  isCorrect: boolean;
  /** What the learner answered, readable (e.g. "1.1 EUR billion", "No answer"). */
  given: string;
  /** The right answer, readable. */
  expected: string;
  /** Per choice, item or pair, in the order shown, for the types that have them. */
  parts?: GradePart[];
  /** Why an answer could not be read (a number that does not parse), for the learner. */
  note?: string;
};

export const NO_ANSWER = 'No answer';

type GradeDetails = Pick<Grade, 'questionId' | 'given' | 'expected' | 'parts' | 'note'>;

/** A grade from raw points: clamped to [0, 1], with the verdict that follows from them. */
export function toGrade(details: GradeDetails, rawPoints: number, isBlank = false): Grade {
  const points = isBlank || !(rawPoints > 0) ? 0 : Math.min(1, rawPoints);
  const verdict: Verdict = isBlank
    ? 'unanswered'
    : points >= 1
      ? 'correct'
      : points > 0
        ? 'partial'
        : 'wrong';
  const { questionId, given, expected, parts, note } = details;
  const grade: Grade = {
    questionId,
    points,
    maxPoints: 1,
    verdict,
    isCorrect: verdict === 'correct',
    given,
    expected,
  };
  // Absent rather than undefined, so a grade saved as JSON reads back equal.
  if (parts) grade.parts = parts;
  if (note) grade.note = note;
  return grade;
}

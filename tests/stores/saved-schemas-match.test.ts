import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { AnswerRecord, AttemptRecord, History } from '@/engine/history';
import type { LearnerSettings, Progress } from '@/engine/progress';
import type { QuizSession } from '@/engine/quiz-session';
import type { Grade } from '@/engine/grade';
import type { SavedSchedule, Schedule } from '@/engine/schedule';
import type {
  answerRecordSchema,
  attemptRecordSchema,
  historySchema,
  learnerSettingsSchema,
  savedScheduleSchema,
  scheduleSchema,
} from '@/stores/history-schema';
import { progressSchema } from '@/stores/history-schema';
import type { gradeSchema, quizSessionSchema } from '@/stores/saved-quiz-schema';
import type { SoloDispute } from '@/domain/dispute';
import type { soloDisputeSchema } from '@/stores/solo-dispute-schema';

// Saved shapes may have readonly arrays in the engine's types; what a schema produces is mutable.
type Mutable<T> = T extends readonly (infer I)[]
  ? Mutable<I>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

describe('the saved-data schemas keep every field of what they save', () => {
  it('at compile time: each schema produces exactly the type it saves', () => {
    expectTypeOf<z.output<typeof attemptRecordSchema>>().toEqualTypeOf<AttemptRecord>();
    expectTypeOf<z.output<typeof answerRecordSchema>>().toEqualTypeOf<Mutable<AnswerRecord>>();
    expectTypeOf<z.output<typeof historySchema>>().toEqualTypeOf<Mutable<History>>();
    expectTypeOf<z.output<typeof scheduleSchema>>().toEqualTypeOf<Schedule>();
    expectTypeOf<z.output<typeof savedScheduleSchema>>().toEqualTypeOf<SavedSchedule>();
    expectTypeOf<z.output<typeof learnerSettingsSchema>>().toEqualTypeOf<LearnerSettings>();
    expectTypeOf<z.output<typeof progressSchema>>().toEqualTypeOf<Mutable<Progress>>();
    expectTypeOf<z.output<typeof gradeSchema>>().toEqualTypeOf<Grade>();
    expectTypeOf<z.output<typeof quizSessionSchema>>().toEqualTypeOf<Mutable<QuizSession>>();
    expectTypeOf<z.output<typeof soloDisputeSchema>>().toEqualTypeOf<Mutable<SoloDispute>>();
  });

  it('at run time: the version-1 history fixture loads unchanged, field for field', () => {
    const saved = JSON.parse(readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8'));
    expect(progressSchema.parse(saved.state)).toEqual(saved.state);
  });
});

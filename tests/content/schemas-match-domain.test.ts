import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { assignmentSchema, resultSchema } from '@/content/classroom-codes';
import { questionSchema } from '@/content/question-schema';
import type { learnerResponseSchema } from '@/content/response-schema';
import type { sourceSchema } from '@/content/source-schema';
import type { Assignment, ClassResult } from '@/domain/assignment';
import type { LearnerResponse } from '@/domain/learner-response';
import type { Question } from '@/domain/question';
import type { Source } from '@/domain/source';
import * as fixtures from '../engine/fixtures';

// Arrays in the domain types may be readonly; what a schema produces is the same shape, mutable.
type Mutable<T> = T extends readonly (infer I)[]
  ? Mutable<I>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

describe('the schemas check exactly the domain types', () => {
  it('at compile time: a field added to a type and not to its schema (or the reverse) fails the typecheck', () => {
    expectTypeOf<z.output<typeof questionSchema>>().toEqualTypeOf<Question>();
    expectTypeOf<z.output<typeof sourceSchema>>().toEqualTypeOf<Source>();
    expectTypeOf<z.output<typeof learnerResponseSchema>>().toEqualTypeOf<Mutable<LearnerResponse>>();
    expectTypeOf<z.output<typeof assignmentSchema>>().toEqualTypeOf<Assignment>();
    expectTypeOf<z.output<typeof resultSchema>>().toEqualTypeOf<Mutable<ClassResult>>();
  });

  it('at run time: a question of every type comes through its schema whole', () => {
    for (const question of Object.values(fixtures).filter(
      (value) => typeof value === 'object' && value !== null && 'prompt' in value,
    ))
      expect(questionSchema.parse(question)).toEqual(question);
  });
});

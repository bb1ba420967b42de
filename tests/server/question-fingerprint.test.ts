import { describe, expect, it } from 'vitest';
import type { Question } from '@/domain/question';
import { fingerprintQuestion } from '@/server/content/question-fingerprint';

const question: Question = {
  id: 'q',
  bank: 'b',
  prompt: 'In which year?',
  topics: ['dates'],
  difficulty: 1,
  explanation: 'Because.',
  citations: [{ source: 's', passage: 'p', quote: 'q' }],
  type: 'year',
  answer: 1973,
  facts: ['relations-1973'],
  related: ['other'],
};

describe('the fingerprint of a question version', () => {
  it('changes with what a student sees or is graded by, not with the facts and relations that steer draws', () => {
    const base = fingerprintQuestion(question);
    expect(fingerprintQuestion({ ...question, related: ['other', 'another'], facts: ['x'] })).toBe(base);
    expect(fingerprintQuestion({ ...question, facts: undefined, related: undefined })).toBe(base);
    expect(fingerprintQuestion({ ...question, prompt: 'In which year exactly?' })).not.toBe(base);
  });
});

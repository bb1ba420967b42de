import type { Content } from '@/domain/content';
import type { Question } from '@/domain/question';

/** Content with `count` true/false questions on distinct facts: more than any limit of the app. */
export function manyQuestionsContent(count: number): Content {
  const questions: Question[] = Array.from({ length: count }, (_, index) => ({
    id: `fact-${index}`,
    bank: 'many',
    type: 'true-false',
    prompt: `Statement number ${index} is true.`,
    answer: true,
    explanation: `The document says so about statement ${index}.`,
    citations: [{ source: 'doc', passage: 'p1', quote: 'Every statement is true.' }],
    topics: ['facts'],
    difficulty: 1,
    facts: [`fact-${index}`],
    related: [],
  }));
  return {
    topics: [{ id: 'facts', name: 'Facts' }],
    sources: [
      {
        id: 'doc',
        title: 'The document',
        sections: [{ id: 's1', title: 'All of it' }],
        passages: [{ id: 'p1', section: 's1', kind: 'paragraph', text: 'Every statement is true.' }],
      },
    ],
    banks: [
      {
        id: 'many',
        title: 'Many',
        description: 'Many statements.',
        file: 'many.yaml',
        questionIds: questions.map((q) => q.id),
      },
    ],
    questions,
  };
}

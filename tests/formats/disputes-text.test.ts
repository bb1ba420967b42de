import { describe, expect, it } from 'vitest';
import { disputesFileName, disputesText } from '@/formats/disputes-text';
import { WITH_EVIDENCE, WITHOUT_EVIDENCE } from '../fixtures/disputes/solo-disputes';

describe('the solo disputes as a text for the bank’s authors', () => {
  it('lists each, oldest first, with question, bank, version, what is wrong, the line and the quote', () => {
    const text = disputesText([WITH_EVIDENCE, WITHOUT_EVIDENCE], Date.UTC(2026, 2, 3, 12));
    expect(text).toBe(
      [
        'Disputes on Source Quiz questions (2), written 2026-03-03',
        'For the authors of the question banks.',
        '',
        '1. Question kp-engineer in bank building (version kp-engineer@12345678)',
        '   Question: Who was the engineer of the lighthouse?',
        '   What is wrong: The wording is unclear or misleading',
        '   My answer: Tomas Verey',
        '   Why: Engineer or architect?',
        '   Filed: 2026-03-01',
        '',
        '2. Question kp-built in bank building (version kp-built@0badc0de)',
        '   Question: When was the lighthouse built?',
        '   What is wrong: The key (the right answer) is wrong',
        '   My answer: 1863',
        '   Why: The passage says 1862, but <b>1863</b> is marked right.',
        '   Evidence, kell-point passage built [39–46]: “in 1862”',
        '   Filed: 2026-03-02',
        '',
      ].join('\n'),
    );
  });

  it('says when there is none, and names its file by the day', () => {
    expect(disputesText([], Date.UTC(2026, 2, 3))).toBe(
      'Disputes on Source Quiz questions (0), written 2026-03-03\nFor the authors of the question banks.\n',
    );
    expect(disputesFileName('2026-03-03')).toBe('source-quiz-disputes-2026-03-03.txt');
  });
});

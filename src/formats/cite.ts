import type { Question } from '../domain/question';
import type { Source } from '../domain/source';

/** One line per citation: `Source: <source title>, passage <passage id>: “<quote>”`. */
export function citationLines(question: Question, sources: readonly Source[]): string[] {
  return question.citations.map(({ source, passage, quote }) => {
    const title = sources.find((candidate) => candidate.id === source)?.title ?? source;
    return `Source: ${title}, passage ${passage}: “${quote}”`;
  });
}

/** The explanation followed by the citations: what every format shows after an answer. */
export function feedbackText(question: Question, sources: readonly Source[]): string {
  const lines = citationLines(question, sources);
  return lines.length > 0 ? `${question.explanation}\n\n${lines.join('\n')}` : question.explanation;
}

/** Line breaks as `\n` only, whatever the text was typed on. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

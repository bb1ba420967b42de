import { DISPUTE_KIND_NAMES, type SoloDispute } from '../domain/dispute';

/** One line, whatever the passage or the learner's text held: the text is read in an e-mail. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The learner's solo disputes as a short plain text to send to the bank's authors: per dispute the
 * question id, bank and version, what is wrong, the learner's line and the quoted words. Nothing in
 * it is markup; whatever a learner typed stays the characters they typed.
 */
export function disputesText(disputes: readonly SoloDispute[], writtenAt: number): string {
  const sorted = [...disputes].sort(
    (left, right) => left.filedAt - right.filedAt || left.id.localeCompare(right.id),
  );
  const lines = [
    `Disputes on Source Quiz questions (${sorted.length}), written ${isoDay(writtenAt)}`,
    'For the authors of the question banks.',
  ];
  sorted.forEach((dispute, at) => {
    lines.push(
      '',
      `${at + 1}. Question ${dispute.questionId} in bank ${dispute.bank} (version ${dispute.asked})`,
      `   Question: ${oneLine(dispute.prompt)}`,
      `   What is wrong: ${DISPUTE_KIND_NAMES[dispute.kind]}`,
      `   My answer: ${oneLine(dispute.given) || 'none'}`,
      `   Why: ${oneLine(dispute.note)}`,
    );
    if (dispute.selection) {
      const { source, passage, start, end, quote } = dispute.selection;
      lines.push(`   Evidence, ${source} passage ${passage} [${start}–${end}]: “${oneLine(quote)}”`);
    }
    lines.push(`   Filed: ${isoDay(dispute.filedAt)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** "source-quiz-disputes-2025-01-31.txt" */
export function disputesFileName(day: string): string {
  return `source-quiz-disputes-${day}.txt`;
}

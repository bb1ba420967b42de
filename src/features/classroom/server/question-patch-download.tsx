import { downloadText } from '@/lib/download-text';
import type { TeacherDispute } from './dispute-responses';

/**
 * An accepted change to a built-in question: the server regraded its own answers, and the bank's
 * authors, who alone edit the shipped banks, get the change as a YAML patch with the evidence.
 */
export function QuestionPatchDownload({ dispute }: { dispute: TeacherDispute }) {
  const { current, change, passage, selection } = dispute;
  if (!dispute.isBuiltIn || !current || !change) return null;
  const revised = current;
  const accepted = change;

  async function download() {
    // The YAML writer is loaded on the click: most visits to the page download nothing.
    const { questionPatchFileName, questionPatchYaml } = await import('@/formats/question-patch-yaml');
    const before = dispute.asked.question;
    const quote =
      passage && selection
        ? {
            source: passage.source,
            passage: passage.passage,
            words: passage.text.slice(selection.start, selection.end),
          }
        : null;
    const text = questionPatchYaml({
      before,
      after: revised,
      change: accepted.change,
      dispute: { kind: dispute.kind, note: dispute.message, quote },
      reply: dispute.reply,
      accepted: { by: accepted.changedBy, at: accepted.changedAt },
    });
    downloadText(questionPatchFileName(before), text, 'application/yaml');
  }

  return (
    <p>
      This question comes from a built-in bank, which only its authors edit.{' '}
      <button type="button" className="button button--secondary" onClick={() => void download()}>
        Download the YAML patch for the bank’s authors
      </button>
    </p>
  );
}

import type { Question } from '@/domain/question';
import { memo, useCallback, useRef, useState } from 'react';
import { plural } from '@/lib/plural';
import { useMyQuestionsStore } from '@/stores/my-questions-store';
import { DraftReview, type DraftCheck } from './draft-review';

/** Drafts shown at once: a file of 80,000 questions still renders, and a click costs the same. */
export const DRAFTS_PER_PAGE = 50;

type Props = {
  drafts: readonly Question[];
  /** Saves the drafts the teacher has not rejected. */
  onSave: (drafts: Question[]) => Promise<void>;
};

/**
 * The drafts of one file, a page at a time. Rejected drafts are kept by id here, and each row's
 * own choices in the row, so that a click on one draft re-renders that draft alone.
 */
export const DraftList = memo(function DraftList({ drafts, onSave }: Props) {
  const [page, setPage] = useState(0);
  const [rejected, setRejected] = useState<ReadonlySet<string>>(() => new Set());
  const [summary, setSummary] = useState('');
  const checks = useRef(new Map<string, DraftCheck>());
  const heading = useRef<HTMLHeadingElement>(null);
  const pages = Math.max(1, Math.ceil(drafts.length / DRAFTS_PER_PAGE));
  const first = page * DRAFTS_PER_PAGE;
  const shown = drafts.slice(first, first + DRAFTS_PER_PAGE);

  const onReject = useCallback((id: string) => setRejected((ids) => new Set(ids).add(id)), []);
  const onRestore = useCallback(
    (id: string) =>
      setRejected((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      }),
    [],
  );
  const register = useCallback((id: string, check: DraftCheck | null) => {
    if (check) checks.current.set(id, check);
    else checks.current.delete(id);
  }, []);

  function acceptAll() {
    const accepted = [...checks.current.values()]
      .map((check) => check())
      .filter((question) => question !== null);
    if (accepted.length > 0) useMyQuestionsStore.getState().questionsAccepted(accepted);
    const left = checks.current.size - accepted.length;
    setSummary(
      `${plural(accepted.length, 'draft')} on this page added to My questions.` +
        (left > 0 ? ` ${plural(left, 'draft')} not added: each says what it still needs.` : ''),
    );
  }

  function turnTo(next: number) {
    setPage(next);
    setSummary('');
    heading.current?.focus();
  }

  // Two pagers, above and below the list, named apart: landmarks must be told from each other.
  const pager = (label: string) =>
    pages > 1 && (
      <nav className="drafts__pager" aria-label={label}>
        <button
          type="button"
          className="button button--secondary"
          disabled={page === 0}
          onClick={() => turnTo(page - 1)}
        >
          Previous drafts
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={page === pages - 1}
          onClick={() => turnTo(page + 1)}
        >
          Next drafts
        </button>
      </nav>
    );

  return (
    <section aria-labelledby="drafts-heading">
      <h2 id="drafts-heading" ref={heading} tabIndex={-1}>
        Drafts {first + 1}–{first + shown.length} of {drafts.length.toLocaleString('en')}
      </h2>
      <div className="drafts__toolbar">
        <button type="button" className="button" onClick={acceptAll}>
          Accept all on this page
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void onSave(drafts.filter((draft) => !rejected.has(draft.id)))}
        >
          Save the drafts as a YAML bank file
        </button>
      </div>
      <p role="status">{summary}</p>
      {pager('Pages of drafts')}
      <ol className="drafts" start={first + 1}>
        {shown.map((draft) => (
          <DraftReview
            key={draft.id}
            draft={draft}
            isRejected={rejected.has(draft.id)}
            onReject={onReject}
            onRestore={onRestore}
            register={register}
          />
        ))}
      </ol>
      {pager('Pages of drafts, end of the page')}
    </section>
  );
});

import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Question } from '@/domain/question';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';
import { api } from './api-client';
import { DISPUTE_KIND_NAMES } from '@/domain/dispute';
import type { QuestionChangeInput, TeacherDispute } from './dispute-responses';
import { QuestionPatchDownload } from './question-patch-download';
import { TeacherOnly } from './teacher-only';
import { useApiData } from './use-api-data';
import '../classroom.css';

/** The disputes learners filed on the teacher's assignments, each with what judging it needs. */
export function TeacherDisputesPage() {
  usePageTitle('Disputes');
  return <TeacherOnly>{() => <DisputeList />}</TeacherOnly>;
}

function DisputeList() {
  const { loaded, reload } = useApiData(api.disputes, []);
  return (
    <div className="disputes">
      <h1>Disputes</h1>
      <p>
        <Link to={paths.teacher()}>Back to your classes</Link>
      </p>
      {loaded.state === 'loading' && <p role="status">Loading…</p>}
      {loaded.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'ready' &&
        (loaded.data.length === 0 ? (
          <p className="notice">No learner has disputed a question of your assignments.</p>
        ) : (
          <ol className="disputes__list">
            {loaded.data.map((dispute) => (
              <li key={dispute.id}>
                <DisputeCard dispute={dispute} onAnswered={() => void reload()} />
              </li>
            ))}
          </ol>
        ))}
    </div>
  );
}

/** The passage with the learner's selection marked. */
function CitedPassage({ dispute }: { dispute: TeacherDispute }) {
  const { passage, selection } = dispute;
  if (!passage) return <p className="muted">No words of the passage were selected.</p>;
  const start = selection?.start ?? 0;
  const end = selection?.end ?? 0;
  return (
    <figure className="citation">
      <figcaption>The passage, with the words the learner selected</figcaption>
      <blockquote className="citation__quote">
        {passage.text.slice(0, start)}
        <mark>{passage.text.slice(start, end)}</mark>
        {passage.text.slice(end)}
      </blockquote>
    </figure>
  );
}

function choicesOf(question: Question) {
  return 'choices' in question ? question.choices : [];
}

function DisputeCard({ dispute, onAnswered }: { dispute: TeacherDispute; onAnswered: () => void }) {
  const question = dispute.current ?? dispute.asked.question;
  const titleId = useId();
  return (
    <article className="card dispute" aria-labelledby={titleId}>
      <h2 id={titleId} className="dispute__title">
        {dispute.student} · {dispute.assignment?.title ?? `${dispute.live?.title ?? ''} (live session)`}
      </h2>
      <p>
        <strong>{DISPUTE_KIND_NAMES[dispute.kind]}</strong> — “{dispute.message}”
      </p>
      <dl className="dispute__facts">
        <dt>Question as asked</dt>
        <dd>{dispute.asked.question.prompt}</dd>
        {choicesOf(dispute.asked.question).length > 0 && (
          <>
            <dt>Choices</dt>
            <dd>
              {choicesOf(dispute.asked.question)
                .map((choice) => choice.text)
                .join(' · ')}
            </dd>
          </>
        )}
        <dt>Right answer when asked</dt>
        <dd>{dispute.grade.expected}</dd>
        <dt>The learner’s response</dt>
        <dd>
          {dispute.grade.given} ({dispute.grade.verdict})
        </dd>
        <dt>Right now</dt>
        <dd>
          {dispute.rightCount.right} of {dispute.rightCount.answered} answers in this{' '}
          {dispute.live ? 'live session' : 'assignment'} are right
        </dd>
      </dl>
      <CitedPassage dispute={dispute} />
      {dispute.status === 'open' ? (
        <DisputeActions dispute={dispute} question={question} onAnswered={onAnswered} />
      ) : (
        <>
          <p className="notice">
            {dispute.status === 'accepted' ? 'Accepted' : 'Rejected'}
            {dispute.change ? ` by ${dispute.change.changedBy}` : ''}. Your reply: “{dispute.reply ?? ''}”
          </p>
          <QuestionPatchDownload dispute={dispute} />
        </>
      )}
    </article>
  );
}

/** The change a teacher can accept for this type of question, as the engine applies it. */
function ChangeField({
  question,
  dispute,
  onChange,
}: {
  question: Question;
  dispute: TeacherDispute;
  onChange: (change: QuestionChangeInput | null) => void;
}) {
  const id = useId();
  const given = dispute.response && 'text' in dispute.response ? dispute.response.text : '';
  const [text, setText] = useState(given);
  switch (question.type) {
    case 'short-text':
      return (
        <>
          <label htmlFor={id}>Additional answer to accept</label>
          <input
            id={id}
            className="text-field"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              onChange({ kind: 'accept-answer', answer: event.target.value });
            }}
            onFocus={() => onChange({ kind: 'accept-answer', answer: text })}
          />
        </>
      );
    case 'multiple':
    case 'single': {
      const others = question.choices.filter((choice) =>
        question.type === 'single' ? choice.id !== question.answer : !question.answer.includes(choice.id),
      );
      return (
        <>
          <label htmlFor={id}>
            {question.type === 'single' ? 'Change the right answer to' : 'Also accept as right'}
          </label>
          <select
            id={id}
            className="text-field"
            defaultValue=""
            onChange={(event) => {
              const choice = event.target.value;
              if (!choice) return onChange(null);
              onChange(
                question.type === 'single'
                  ? { kind: 'change-key', key: choice }
                  : { kind: 'accept-answer', answer: choice },
              );
            }}
          >
            <option value="">Choose…</option>
            {others.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.text}
              </option>
            ))}
          </select>
        </>
      );
    }
    case 'true-false':
      return (
        <label>
          <input
            type="checkbox"
            onChange={(event) =>
              onChange(event.target.checked ? { kind: 'change-key', key: !question.answer } : null)
            }
          />{' '}
          Change the right answer to “{question.answer ? 'False' : 'True'}”
        </label>
      );
    default:
      return (
        <p className="muted">
          A change to this type of question is made in its bank; you can still reply and reject or accept
          nothing.
        </p>
      );
  }
}

function DisputeActions({
  dispute,
  question,
  onAnswered,
}: {
  dispute: TeacherDispute;
  question: Question;
  onAnswered: () => void;
}) {
  const id = useId();
  const initial: QuestionChangeInput | null =
    question.type === 'short-text' && dispute.response && 'text' in dispute.response
      ? { kind: 'accept-answer', answer: dispute.response.text }
      : null;
  const [change, setChange] = useState<QuestionChangeInput | null>(initial);
  const [reply, setReply] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);

  async function answer(event: FormEvent, isAccepting: boolean) {
    event.preventDefault();
    if (isAccepting && !change) return setOutcome('Choose the change to accept first.');
    const result =
      isAccepting && change
        ? await api.acceptDispute(dispute.id, reply, change)
        : await api.rejectDispute(dispute.id, reply);
    if (!result.ok) return setOutcome(result.message);
    setOutcome(null);
    onAnswered();
    return undefined;
  }

  return (
    <form className="dispute__actions" onSubmit={(event) => void answer(event, false)}>
      <label htmlFor={`${id}-reply`}>Your reply to the learner</label>
      <input
        id={`${id}-reply`}
        className="text-field"
        value={reply}
        onChange={(event) => setReply(event.target.value)}
      />
      <ChangeField question={question} dispute={dispute} onChange={setChange} />
      {dispute.isBuiltIn && (
        <p className="muted">
          From a built-in bank: accepting regrades the answers this server holds, then offers the change as a
          YAML patch to send to the bank’s authors.
        </p>
      )}
      <div role="status">{outcome && <p className="notice notice--error">{outcome}</p>}</div>
      <div className="dispute__buttons">
        <button type="button" className="button" onClick={(event) => void answer(event, true)}>
          Accept and regrade everyone
        </button>
        <button type="submit" className="button button--secondary">
          Reject with this reply
        </button>
      </div>
    </form>
  );
}

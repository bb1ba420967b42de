import { QUESTION_TYPES } from '@/domain/question';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { QUESTION_TYPE_NAMES } from '@/domain/question-type-names';
import { drawQuestions } from '@/engine/draw-questions';
import { conflictingChoice } from '@/engine/question-conflicts';
import { createRandom, createSeed } from '@/engine/random';
import { SelectField } from '@/components/select-field';
import { usePageTitle } from '@/hooks/use-page-title';
import { encodeAssignment } from '@/content/classroom-codes';
import { ASSIGNMENT_LIMITS } from '@/domain/assignment';
import { comparableText } from '@/domain/fold-text';
import { useCatalog } from '@/hooks/use-content';
import { useQuestions } from '@/hooks/use-questions';
import { plural } from '@/lib/plural';
import { QuestionPreview } from './question-preview';
import './classroom.css';
import { paths } from '@/navigation/paths';

/** What the builder produces: today's assignment, before it becomes a link or a server assignment. */
export type BuiltAssignment = {
  title: string;
  ids: string[];
  mode: 'practice' | 'test';
  minutes: number;
  sameOrder: boolean;
  seed: string;
};

/** A teacher picks questions (by bank, topic, search or one by one) and settings, and gets a link. */
export function AssignmentBuilderPage() {
  usePageTitle('New assignment');
  const navigate = useNavigate();
  return (
    <AssignmentBuilderForm
      lead="Choose questions and settings. The link you get holds everything; no account, no server."
      onBuilt={(assignment) => {
        void navigate(paths.assignment(encodeAssignment(assignment)));
        return undefined;
      }}
    />
  );
}

type FormProps = {
  lead: ReactNode;
  /** More settings, shown after the builder's own (the server's opening times, attempts, class). */
  extraSettings?: ReactNode;
  /** Called with a valid assignment; a message it returns is shown as the problem to fix. */
  onBuilt: (assignment: BuiltAssignment) => string | undefined | Promise<string | undefined>;
};

/** The builder itself: the questions and today's settings, shared by link and server assignments. */
export function AssignmentBuilderForm({ lead, extraSettings, onBuilt }: FormProps) {
  const pool = useQuestions([], { withMyQuestions: false });
  const catalog = useCatalog();
  const ids = {
    title: useId(),
    search: useId(),
    count: useId(),
    minutes: useId(),
  };
  const [title, setTitle] = useState('');
  const [search, setSearch] = useState('');
  const [bank, setBank] = useState('');
  const [topic, setTopic] = useState('');
  const [type, setType] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [drawCount, setDrawCount] = useState(0);
  const [sameOrder, setSameOrder] = useState(true);
  const [mode, setMode] = useState<'practice' | 'test'>('test');
  const [minutes, setMinutes] = useState(0);
  const [problem, setProblem] = useState('');
  const [relatedNotice, setRelatedNotice] = useState('');

  const query = comparableText(search);
  const shown = pool.filter(
    (question) =>
      (!bank || question.bank === bank) &&
      (!topic || question.topics.some((t) => t === topic)) &&
      (!type || question.type === type) &&
      (!query || comparableText(`${question.prompt} ${question.explanation}`).includes(query)),
  );
  const selectedSet = new Set(selected);
  const promptOf = (id: string) => pool.find((question) => question.id === id)?.prompt ?? id;
  // The link holds at most this many questions (students' devices refuse more), so the builder stops
  // there rather than making a link that does not work.
  const { questions: maxQuestions, titleLength, minutes: maxMinutes } = ASSIGNMENT_LIMITS;
  const fullNotice = `An assignment holds at most ${maxQuestions} questions; remove one to choose another.`;
  // Two related questions never meet in a quiz (same fact, or one gives the other away), so the
  // builder refuses the second one and says why, rather than letting the draw drop it silently.
  const toggle = (id: string, isOn: boolean) => {
    if (isOn && selected.length >= maxQuestions) return setRelatedNotice(`Not added: ${fullNotice}`);
    const clash = isOn ? conflictingChoice(pool, id, selected) : undefined;
    if (clash) {
      setRelatedNotice(
        `Not added: “${promptOf(id)}” asks the same fact as “${promptOf(clash)}”, already chosen, or one ` +
          'of them gives the other’s answer away. Remove that one first to choose this one instead.',
      );
      return;
    }
    setRelatedNotice('');
    setSelected((current) => (isOn ? [...current, id] : current.filter((item) => item !== id)));
  };
  function chooseAllShown() {
    const chosen = [...selected];
    let leftOut = 0;
    let overLimit = 0;
    for (const question of shown) {
      if (chosen.includes(question.id)) continue;
      if (conflictingChoice(pool, question.id, chosen)) leftOut += 1;
      else if (chosen.length >= maxQuestions) overLimit += 1;
      else chosen.push(question.id);
    }
    setSelected(chosen);
    setRelatedNotice(
      [
        leftOut > 0
          ? `${plural(leftOut, 'question')} not added: each asks the same fact as a chosen question, or gives its answer away.`
          : '',
        overLimit > 0 ? `${plural(overLimit, 'more question')} not added: ${fullNotice}` : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!title.trim())
      return setProblem('Give the assignment a title, so students know what they are doing.');
    if (selected.length === 0) return setProblem('Choose at least one question.');
    if (selected.length > maxQuestions) return setProblem(fullNotice);
    const seed = createSeed(Math.random());
    const chosen =
      drawCount > 0 && drawCount < selected.length
        ? drawQuestions(pool, { ids: selected, count: drawCount }, createRandom(seed)).questions.map(
            (q) => q.id,
          )
        : selected;
    setProblem('');
    const refused = await onBuilt({ title: title.trim(), ids: chosen, mode, minutes, sameOrder, seed });
    if (refused) setProblem(refused);
  }

  return (
    <form className="builder" onSubmit={(event) => void create(event)} noValidate>
      <h1>New assignment</h1>
      <p className="lead">{lead}</p>

      <div className="field">
        <label htmlFor={ids.title}>Title</label>
        <input
          id={ids.title}
          className="text-field"
          value={title}
          maxLength={titleLength}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Week 3: the 1990s"
        />
      </div>

      <fieldset className="option-group">
        <legend>
          Questions{' '}
          <span className="muted">
            ({plural(selected.length, 'question')} chosen, at most {maxQuestions})
          </span>
        </legend>
        <div className="builder__filters">
          <div className="field">
            <label htmlFor={ids.search}>Search</label>
            <input
              id={ids.search}
              type="search"
              className="text-field"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <SelectField
            label="Bank"
            value={bank}
            onChange={setBank}
            anyLabel="All banks"
            options={catalog.banks.map((b) => ({ value: b.id, label: b.title }))}
          />
          <SelectField
            label="Topic"
            value={topic}
            onChange={setTopic}
            anyLabel="All topics"
            options={catalog.topics.map((t) => ({ value: t.id, label: t.name }))}
          />
          <SelectField
            label="Type"
            value={type}
            onChange={setType}
            anyLabel="All types"
            options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_NAMES[t] }))}
          />
        </div>
        <div className="builder__bulk">
          <span role="status">{plural(shown.length, 'question')} shown</span>
          <button type="button" className="button button--secondary button--small" onClick={chooseAllShown}>
            Choose all shown
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setSelected([]);
              setRelatedNotice('');
            }}
          >
            Clear the choice
          </button>
        </div>
        <p role="status" className={relatedNotice ? 'notice' : 'visually-hidden'}>
          {relatedNotice}
        </p>
        <ul className="builder__list">
          {shown.map((question) => (
            <li key={question.id} className="builder__item">
              <label className="builder__choice">
                <input
                  type="checkbox"
                  checked={selectedSet.has(question.id)}
                  onChange={(e) => toggle(question.id, e.target.checked)}
                />
                <span>{question.prompt}</span>
              </label>
              <QuestionPreview question={question} />
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="option-group">
        <legend>Settings</legend>
        <div className="field">
          <label htmlFor={ids.count}>Questions per student (0 = all chosen)</label>
          <input
            id={ids.count}
            type="number"
            min={0}
            max={selected.length}
            className="text-field text-field--short"
            value={drawCount}
            onChange={(e) => setDrawCount(Math.max(0, Math.trunc(Number(e.target.value)) || 0))}
          />
        </div>
        <label className="option">
          <input type="checkbox" checked={sameOrder} onChange={(e) => setSameOrder(e.target.checked)} />
          Every student gets the same order
        </label>
        <div className="option-group__options" role="radiogroup" aria-label="Mode">
          <label className="option">
            <input type="radio" name="mode" checked={mode === 'test'} onChange={() => setMode('test')} />
            Test: feedback at the end
          </label>
          <label className="option">
            <input
              type="radio"
              name="mode"
              checked={mode === 'practice'}
              onChange={() => setMode('practice')}
            />
            Practice: feedback after each answer
          </label>
        </div>
        <div className="field">
          <label htmlFor={ids.minutes}>Time limit in minutes (0 = none)</label>
          <input
            id={ids.minutes}
            type="number"
            min={0}
            max={maxMinutes}
            className="text-field text-field--short"
            value={minutes}
            onChange={(e) =>
              setMinutes(Math.min(maxMinutes, Math.max(0, Math.trunc(Number(e.target.value)) || 0)))
            }
          />
        </div>
      </fieldset>
      {extraSettings}

      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button">
        Create the assignment
      </button>
    </form>
  );
}

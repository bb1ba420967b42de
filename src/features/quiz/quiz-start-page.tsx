import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  DIFFICULTIES,
  QUESTION_TYPES,
  type Difficulty,
  type QuestionType,
  type Topic,
} from '@/domain/question';
import { DIFFICULTY_NAMES, QUESTION_TYPE_NAMES } from '@/domain/question-type-names';
import type { QuizMode } from '@/domain/quiz-mode';
import { countMatches } from '@/engine/draw-questions';
import { createSeed } from '@/engine/random';
import { useCatalog } from '@/hooks/use-content';
import { useQuestionFacets } from '@/hooks/use-questions';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { MY_QUESTIONS_BANK, useMyQuestionsStore } from '@/stores/my-questions-store';
import { CheckboxGroup } from './checkbox-group';
import { COUNT_OPTIONS, DEFAULT_SETTINGS, settingsToParams } from './quiz-settings';
import './quiz.css';
import { paths } from '@/navigation/paths';

export function QuizStartPage() {
  usePageTitle('Start a quiz');
  const navigate = useNavigate();
  const catalog = useCatalog();
  const facets = useQuestionFacets();
  const [searchParams] = useSearchParams();
  // A bank named in the URL (from the home page's bank cards) starts chosen.
  const [banks, setBanks] = useState<string[]>(() =>
    (searchParams.get('banks') ?? '')
      .split(',')
      .filter((id) => id === MY_QUESTIONS_BANK || catalog.banks.some((bank) => bank.id === id)),
  );
  const [topics, setTopics] = useState<Topic[]>([]);
  const [types, setTypes] = useState<QuestionType[]>([]);
  const [difficulties, setDifficulties] = useState<Difficulty[]>([]);
  const [count, setCount] = useState<number | 'all'>(DEFAULT_SETTINGS.count);
  const [mode, setMode] = useState<QuizMode>(DEFAULT_SETTINGS.mode);
  const [hasTimer, setHasTimer] = useState(false);
  const [minutes, setMinutes] = useState(10);
  const matchId = useId();
  // A seed in the start page's URL (from a teacher, or a test) makes the draw reproducible.
  const chosenSeed = /^[a-z0-9]{1,16}$/.test(searchParams.get('seed') ?? '')
    ? searchParams.get('seed')
    : null;

  const mine = useMyQuestionsStore((state) => state.questions);
  const available = countMatches(facets, {
    banks,
    topics,
    types,
    difficulties,
    count: 'all',
  });
  const bankOptions = [
    ...catalog.banks.map((bank) => ({
      value: bank.id,
      label: bank.title,
      hint: plural(bank.questionCount, 'question'),
    })),
    ...(mine.length > 0
      ? [{ value: MY_QUESTIONS_BANK, label: 'My questions', hint: plural(mine.length, 'question') }]
      : []),
  ];
  const usedTopics = catalog.topics.filter((topic) =>
    catalog.banks.some((bank) => bank.topics.includes(topic.id)),
  );

  function start(event: FormEvent) {
    event.preventDefault();
    const params = settingsToParams({
      banks,
      topics,
      types,
      difficulties,
      ids: [],
      count,
      mode,
      minutes: hasTimer ? minutes : 0,
      seed: chosenSeed ?? createSeed(Math.random()),
    });
    void navigate(paths.quizPlay(params));
  }

  return (
    <form className="quiz-start" onSubmit={start} aria-describedby={matchId}>
      <h1>Start a quiz</h1>
      <p className="lead">Pick what to practise. Leave a group empty to include all of it.</p>

      <CheckboxGroup legend="Banks" options={bankOptions} selected={banks} onChange={setBanks} />
      <CheckboxGroup
        legend="Topics"
        options={usedTopics.map((topic) => ({ value: topic.id, label: topic.name }))}
        selected={topics}
        onChange={setTopics}
      />
      <CheckboxGroup
        legend="Question types"
        options={QUESTION_TYPES.map((type) => ({ value: type, label: QUESTION_TYPE_NAMES[type] }))}
        selected={types}
        onChange={setTypes}
      />
      <CheckboxGroup
        legend="Difficulty"
        options={DIFFICULTIES.map((level) => ({ value: level, label: DIFFICULTY_NAMES[level] }))}
        selected={difficulties}
        onChange={setDifficulties}
      />

      <fieldset className="option-group">
        <legend>How many questions</legend>
        <div className="option-group__options">
          {COUNT_OPTIONS.map((option) => (
            <label key={option} className="option">
              <input type="radio" name="count" checked={count === option} onChange={() => setCount(option)} />
              {option === 'all' ? 'All' : option}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="option-group">
        <legend>Mode</legend>
        <div className="option-group__options option-group__options--stacked">
          <label className="option">
            <input
              type="radio"
              name="mode"
              checked={mode === 'practice'}
              onChange={() => setMode('practice')}
            />
            <span>
              <strong>Practice</strong>{' '}
              <span className="muted">— see if you were right, and why, after each answer</span>
            </span>
          </label>
          <label className="option">
            <input type="radio" name="mode" checked={mode === 'test'} onChange={() => setMode('test')} />
            <span>
              <strong>Test</strong>{' '}
              <span className="muted">— answer everything first, see the feedback at the end</span>
            </span>
          </label>
        </div>
      </fieldset>

      <fieldset className="option-group">
        <legend>Time limit</legend>
        <div className="option-group__options">
          <label className="option">
            <input
              type="checkbox"
              checked={hasTimer}
              onChange={(event) => setHasTimer(event.target.checked)}
            />
            Set a time limit
          </label>
          {hasTimer && (
            <label className="option option--field">
              Minutes
              <input
                type="number"
                min={1}
                max={180}
                value={minutes}
                onChange={(event) => setMinutes(Math.min(180, Math.max(1, Number(event.target.value) || 1)))}
              />
            </label>
          )}
        </div>
        <p className="muted option-group__hint">
          Off by default. You can extend it or switch it off during the quiz; there are no points for speed.
        </p>
      </fieldset>

      <div className="quiz-start__submit">
        <p id={matchId} role="status" className={available === 0 ? 'notice notice--error' : 'muted'}>
          {available === 0
            ? 'No questions match these choices. Clear a group to include more.'
            : `${plural(available, 'question')} match${available === 1 ? 'es' : ''} your choices.`}
        </p>
        <button type="submit" className="button" disabled={available === 0}>
          Start the quiz
        </button>
      </div>
    </form>
  );
}

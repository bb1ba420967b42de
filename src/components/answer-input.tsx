import { BLANK_RESPONSES, type LearnerResponse, type ResponseOfType } from '@/domain/learner-response';
import type { Choice } from '@/domain/question';
import type { ShownQuestion } from '@/domain/shown-question';
import { OrderingInput } from './ordering-input';
import './answer-input.css';

type InputProps = {
  shown: ShownQuestion;
  response: LearnerResponse;
  onChange: (response: LearnerResponse) => void;
  isLocked: boolean;
  labelledBy: string;
};

/** The response a question starts with: nothing chosen, typed or matched; items in the order shown. */
export function startingResponse(shown: ShownQuestion): LearnerResponse {
  return shown.type === 'ordering'
    ? { type: 'ordering', order: shown.choices.map((choice) => choice.id) }
    : BLANK_RESPONSES[shown.type];
}

function ChoiceList({
  choices,
  kind,
  isChecked,
  onToggle,
  isLocked,
  labelledBy,
}: {
  choices: readonly Choice[];
  kind: 'radio' | 'checkbox';
  isChecked: (id: string) => boolean;
  onToggle: (id: string, isOn: boolean) => void;
  isLocked: boolean;
  labelledBy: string;
}) {
  return (
    <fieldset className="answer-choices" aria-labelledby={labelledBy} disabled={isLocked}>
      {choices.map((choice, index) => (
        <label key={choice.id} className="answer-choice">
          <input
            type={kind}
            name="answer"
            value={choice.id}
            checked={isChecked(choice.id)}
            onChange={(event) => onToggle(choice.id, event.target.checked)}
          />
          <span className="answer-choice__key" aria-hidden="true">
            {index + 1}
          </span>
          <span>{choice.text}</span>
        </label>
      ))}
    </fieldset>
  );
}

const TRUE_FALSE: Choice[] = [
  { id: 'true', text: 'True' },
  { id: 'false', text: 'False' },
];

function TypedInput({
  response,
  onChange,
  isLocked,
  labelledBy,
  label,
  inputMode,
  unit,
}: {
  response: ResponseOfType<'numeric' | 'year' | 'short-text'>;
  onChange: (response: LearnerResponse) => void;
  isLocked: boolean;
  labelledBy: string;
  label: string;
  inputMode: 'decimal' | 'numeric' | 'text';
  unit?: string;
}) {
  return (
    <div className="typed-answer">
      <label className="typed-answer__label">
        <span>{label}</span>
        <span className="typed-answer__field">
          <input
            type="text"
            className="text-field"
            inputMode={inputMode}
            autoComplete="off"
            spellCheck={inputMode === 'text'}
            aria-describedby={labelledBy}
            value={response.text}
            readOnly={isLocked}
            onChange={(event) => onChange({ type: response.type, text: event.target.value })}
          />
          {/* The label already says the unit; hidden here so it is not read twice. */}
          {unit && (
            <span className="typed-answer__unit" aria-hidden="true">
              {unit}
            </span>
          )}
        </span>
      </label>
    </div>
  );
}

/** The input that suits the question's type; every one works by keyboard and without dragging. */
export function AnswerInput({ shown, response, onChange, isLocked, labelledBy }: InputProps) {
  const question = shown;
  if (question.type === 'single' && response.type === 'single') {
    return (
      <ChoiceList
        choices={shown.choices}
        kind="radio"
        isChecked={(id) => response.choice === id}
        onToggle={(id) => onChange({ type: 'single', choice: id })}
        isLocked={isLocked}
        labelledBy={labelledBy}
      />
    );
  }
  if (question.type === 'multiple' && response.type === 'multiple') {
    return (
      <ChoiceList
        choices={shown.choices}
        kind="checkbox"
        isChecked={(id) => response.choices.includes(id)}
        onToggle={(id, isOn) =>
          onChange({
            type: 'multiple',
            choices: isOn ? [...response.choices, id] : response.choices.filter((choice) => choice !== id),
          })
        }
        isLocked={isLocked}
        labelledBy={labelledBy}
      />
    );
  }
  if (question.type === 'true-false' && response.type === 'true-false') {
    return (
      <ChoiceList
        choices={TRUE_FALSE}
        kind="radio"
        isChecked={(id) => response.value === (id === 'true')}
        onToggle={(id) => onChange({ type: 'true-false', value: id === 'true' })}
        isLocked={isLocked}
        labelledBy={labelledBy}
      />
    );
  }
  if (
    (response.type === 'numeric' || response.type === 'year' || response.type === 'short-text') &&
    response.type === question.type
  ) {
    const unit = shown.unit;
    return (
      <TypedInput
        response={response}
        onChange={onChange}
        isLocked={isLocked}
        labelledBy={labelledBy}
        label={unit ? `Your answer, in ${unit}` : response.type === 'year' ? 'Year' : 'Your answer'}
        inputMode={response.type === 'numeric' ? 'decimal' : response.type === 'year' ? 'numeric' : 'text'}
        unit={unit}
      />
    );
  }
  if (question.type === 'ordering' && response.type === 'ordering') {
    return (
      <OrderingInput
        choices={shown.choices}
        order={response.order}
        onChange={(order) => onChange({ type: 'ordering', order })}
        isLocked={isLocked}
        labelledBy={labelledBy}
      />
    );
  }
  if (question.type === 'matching' && response.type === 'matching') {
    const { choices } = shown;
    return (
      <fieldset className="matching" aria-labelledby={labelledBy} disabled={isLocked}>
        {shown.left.map((left) => (
          <label key={left.id} className="matching__row">
            <span className="matching__left">{left.text}</span>
            <select
              className="text-field"
              value={response.pairs[left.id] ?? ''}
              onChange={(event) =>
                onChange({ type: 'matching', pairs: { ...response.pairs, [left.id]: event.target.value } })
              }
            >
              <option value="">Choose a match…</option>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.text}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
    );
  }
  return null;
}

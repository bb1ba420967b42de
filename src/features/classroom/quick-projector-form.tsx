import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { drawQuestions } from '@/engine/draw-questions';
import { createRandom, createSeed } from '@/engine/random';
import { SelectField } from '@/components/select-field';
import { encodeAssignment } from '@/content/classroom-codes';
import { useCatalog } from '@/hooks/use-content';
import { useQuestions } from '@/hooks/use-questions';
import { paths } from '@/navigation/paths';

/** A quiz for the projector without building an assignment: a bank, how many, and go. */
export function QuickProjectorForm() {
  const pool = useQuestions([], { withMyQuestions: false });
  const catalog = useCatalog();
  const navigate = useNavigate();
  const countId = useId();
  const [bank, setBank] = useState('');
  const [count, setCount] = useState(10);

  function start(event: FormEvent) {
    event.preventDefault();
    const seed = createSeed(Math.random());
    const drawn = drawQuestions(pool, { banks: bank ? [bank] : [], count }, createRandom(seed)).questions;
    const title = bank ? (catalog.banks.find((b) => b.id === bank)?.title ?? 'Quick quiz') : 'Quick quiz';
    const code = encodeAssignment({
      title,
      ids: drawn.map((question) => question.id),
      mode: 'practice',
      minutes: 0,
      sameOrder: true,
      seed,
    });
    void navigate(paths.projector(code));
  }

  return (
    <form className="quick-projector" onSubmit={start}>
      <SelectField
        label="Bank"
        value={bank}
        onChange={setBank}
        anyLabel="All banks"
        options={catalog.banks.map((b) => ({ value: b.id, label: b.title }))}
      />
      <div className="field">
        <label htmlFor={countId}>Questions</label>
        <input
          id={countId}
          type="number"
          min={1}
          max={50}
          className="text-field text-field--short"
          value={count}
          onChange={(e) => setCount(Math.min(50, Math.max(1, Number(e.target.value) || 1)))}
        />
      </div>
      <button type="submit" className="button">
        Start on the projector
      </button>
    </form>
  );
}

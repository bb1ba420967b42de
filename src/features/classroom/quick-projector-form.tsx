import catalog from 'virtual:content/catalog';
import { use, useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { drawQuestions } from '@/engine/draw-questions';
import { createRandom, createSeed } from '@/engine/random';
import { encodeAssignment } from '@/lib/classroom-codes';
import { loadQuestions } from '@/lib/load-questions';

/** A quiz for the projector without building an assignment: a bank, how many, and go. */
export function QuickProjectorForm() {
  const pool = use(loadQuestions());
  const navigate = useNavigate();
  const ids = { bank: useId(), count: useId() };
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
    void navigate(`/classroom/projector#${code}`);
  }

  return (
    <form className="quick-projector" onSubmit={start}>
      <div className="field">
        <label htmlFor={ids.bank}>Bank</label>
        <select id={ids.bank} className="text-field" value={bank} onChange={(e) => setBank(e.target.value)}>
          <option value="">All banks</option>
          {catalog.banks.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.count}>Questions</label>
        <input
          id={ids.count}
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

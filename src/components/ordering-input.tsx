import type { Choice } from '@/domain/question';
import { useState } from 'react';

type Props = {
  choices: readonly Choice[];
  order: readonly string[];
  onChange: (order: string[]) => void;
  isLocked: boolean;
  labelledBy: string;
};

/** Reordering with buttons, not dragging, so it works by keyboard, by touch and with a screen reader. */
export function OrderingInput({ choices, order, onChange, isLocked, labelledBy }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const textOf = (id: string) => choices.find((choice) => choice.id === id)?.text ?? id;

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    const next = [...order];
    const [item] = next.splice(index, 1);
    if (item === undefined || target < 0 || target > order.length - 1) return;
    next.splice(target, 0, item);
    onChange(next);
    setAnnouncement(`“${textOf(item)}” moved to position ${target + 1} of ${order.length}.`);
  }

  return (
    <div className="ordering">
      <ol className="ordering__list" aria-labelledby={labelledBy}>
        {order.map((id, index) => (
          <li key={id} className="ordering__item">
            <span className="ordering__position" aria-hidden="true">
              {index + 1}
            </span>
            <span className="ordering__text">{textOf(id)}</span>
            <span className="ordering__buttons">
              <button
                type="button"
                className="icon-button"
                onClick={() => move(index, -1)}
                disabled={isLocked || index === 0}
                aria-label={`Move “${textOf(id)}” up`}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                onClick={() => move(index, 1)}
                disabled={isLocked || index === order.length - 1}
                aria-label={`Move “${textOf(id)}” down`}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

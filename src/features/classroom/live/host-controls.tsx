import type { HostCommand, HostView } from './live-client';
import type { HostKey } from './use-host-keys';

/** One control of the host screen: a button with its key shown on it, and the same key on the keyboard. */
export type HostControl = HostKey & {
  id: string;
  label: string;
  /** The key as printed on the button and in the help. */
  hint: string;
  /** For `aria-keyshortcuts`. */
  shortcut: string;
  isPrimary?: boolean;
};

const NEXT_KEYS = ['ArrowRight', ' ', 'PageDown', 'n'];
const NEXT = { hint: '→', shortcut: 'ArrowRight Space PageDown N' };

export const EXTEND_SECONDS = 30;

/** The controls that make sense in the session's phase: the room's next step first. */
export function hostControls(view: HostView, send: (command: HostCommand) => Promise<void>): HostControl[] {
  const lock: HostControl = {
    id: 'lock',
    label: view.locked ? 'Let newcomers in' : 'Lock: no more newcomers',
    hint: 'L',
    shortcut: 'L',
    keys: ['l'],
    run: () => send({ type: view.locked ? 'unlock' : 'lock' }),
  };
  if (view.phase === 'lobby') {
    return [
      {
        id: 'start',
        label: 'Start the first question',
        ...NEXT,
        keys: NEXT_KEYS,
        run: () => send({ type: 'start' }),
        isPrimary: true,
      },
      lock,
    ];
  }
  if (view.phase === 'reveal') {
    const isLast = view.index + 1 >= view.questionCount;
    return [
      {
        id: 'next',
        label: isLast ? 'Finish the session' : 'Next question',
        ...NEXT,
        keys: NEXT_KEYS,
        run: () => send({ type: 'next' }),
        isPrimary: true,
      },
      lock,
    ];
  }
  if (view.phase !== 'question') return [];
  const controls: HostControl[] = [
    {
      id: 'reveal',
      label: 'Reveal the answer',
      hint: 'R',
      shortcut: 'R',
      keys: ['r'],
      run: () => send({ type: 'reveal' }),
      isPrimary: true,
    },
  ];
  if (!view.distribution) {
    controls.push({
      id: 'distribution',
      label: 'Show how the room answered',
      hint: 'D',
      shortcut: 'D',
      keys: ['d'],
      run: () => send({ type: 'show-distribution' }),
    });
  }
  if (view.countdown) {
    const isPaused = view.countdown.paused;
    controls.push(
      {
        id: 'pause',
        label: isPaused ? 'Resume the countdown' : 'Pause the countdown',
        hint: 'C',
        shortcut: 'C',
        keys: ['c'],
        run: () => send({ type: isPaused ? 'resume' : 'pause' }),
      },
      {
        id: 'extend',
        label: `${EXTEND_SECONDS} seconds more`,
        hint: '+',
        shortcut: '+ E',
        keys: ['+', '=', 'e'],
        run: () => send({ type: 'extend', seconds: EXTEND_SECONDS }),
      },
    );
  }
  controls.push(lock);
  return controls;
}

/** The button of a control, its key printed on it (hidden from the name; `aria-keyshortcuts` says it). */
export function ControlButton({ control }: { control: HostControl }) {
  return (
    <button
      type="button"
      className={control.isPrimary ? 'button' : 'button button--secondary'}
      onClick={() => void control.run()}
      aria-keyshortcuts={control.shortcut}
    >
      {control.label}{' '}
      <kbd className="live-key" aria-hidden="true">
        {control.hint}
      </kbd>
    </button>
  );
}

/** Every key of the host screen, for the help the teacher opens with `?`. */
export function KeyHelp({ controls }: { controls: readonly HostControl[] }) {
  return (
    <section className="live-host__help" aria-label="Keyboard controls">
      <h2>Keyboard controls</h2>
      <ul>
        {controls.map((control) => (
          <li key={control.id}>
            <kbd className="live-key">{control.hint === '→' ? '→ or Space' : control.hint}</kbd>{' '}
            {control.label}
          </li>
        ))}
        <li>
          <kbd className="live-key">F</kbd> full screen
        </li>
        <li>
          <kbd className="live-key">?</kbd> show or hide this help
        </li>
      </ul>
      <p className="muted">Keys do nothing while you type in a field.</p>
    </section>
  );
}

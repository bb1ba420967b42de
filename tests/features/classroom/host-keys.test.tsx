import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useHostKeys } from '@/features/classroom/live/use-host-keys';

// The host screen's keys must never fire while the teacher types, nor twice for one press of a
// focused button, nor over and over for a held key.

function Screen() {
  const [log, setLog] = useState<string[]>([]);
  const note = (what: string) => () => setLog((current) => [...current, what]);
  useHostKeys([
    { keys: ['r'], run: note('reveal') },
    { keys: ['ArrowRight', ' '], run: note('next') },
  ]);
  return (
    <>
      <label>
        Note <input />
      </label>
      <button type="button" onClick={note('button')}>
        Next question
      </button>
      <output aria-label="log">{log.join(',')}</output>
    </>
  );
}

describe('the host screen keys', () => {
  it('act on the page, not while typing in a field, not twice through a focused button, not when held', async () => {
    const user = userEvent.setup();
    render(<Screen />);
    const log = screen.getByRole('status', { name: 'log' });

    await user.keyboard('r');
    await user.keyboard('{ArrowRight}');
    expect(log).toHaveTextContent('reveal,next');

    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'r ');
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('r ');
    expect(log).toHaveTextContent(/^reveal,next$/);

    screen.getByRole('button', { name: 'Next question' }).focus();
    await user.keyboard(' ');
    expect(log).toHaveTextContent(/^reveal,next,button$/);

    screen.getByRole('button', { name: 'Next question' }).blur();
    await user.keyboard('{r>3/}');
    expect(log).toHaveTextContent(/^reveal,next,button,reveal$/);
    await user.keyboard('{Control>}r{/Control}');
    expect(log).toHaveTextContent(/^reveal,next,button,reveal$/);
  });
});

function WaitingScreen({ room, sent }: { room: string; sent: string[] }) {
  // The server never answers here: each press waits for ever.
  useHostKeys([{ keys: ['l'], run: () => new Promise<void>(() => sent.push(room)) }], room);
  return <p>{room}</p>;
}

describe('a host key waiting for the server', () => {
  it('acts once for two presses in the same room, and again once the room has changed', async () => {
    const user = userEvent.setup();
    const sent: string[] = [];
    const { rerender } = render(<WaitingScreen room="open" sent={sent} />);
    await user.keyboard('l');
    await user.keyboard('l');
    expect(sent).toEqual(['open']);

    // The room's new view arrives before the answer to the press that brought it.
    rerender(<WaitingScreen room="locked" sent={sent} />);
    await user.keyboard('l');
    await user.keyboard('l');
    expect(sent).toEqual(['open', 'locked']);
  });
});

import { useEffect, useRef } from 'react';

/** One keyboard control of the host screen; the keys are `KeyboardEvent.key` values, letters in lower case. */
export type HostKey = { keys: readonly string[]; run: () => void | Promise<void> };

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.closest('input, textarea, select') !== null)
  );
}

/**
 * The host screen's keys, as in projector mode. Typing in a field, a held key repeating, or Space
 * and Enter on a focused button or link (which press it) never trigger one; nor do shortcuts with
 * Ctrl, Alt or Cmd, which belong to the browser. A key pressed twice before the server answers acts
 * once, unless the room has changed in between (`room`, the server's latest view): the room's new
 * screen can arrive before the answer to the command that brought it, and a teacher who sees "Let
 * newcomers in" after pressing L and presses L again means it.
 */
export function useHostKeys(controls: readonly HostKey[], room?: unknown): void {
  const latest = useRef(controls);
  const waiting = useRef(new Map<string, Promise<void>>());
  useEffect(() => {
    latest.current = controls;
  });
  useEffect(() => {
    waiting.current.clear();
  }, [room]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat || event.defaultPrevented) return;
      if (isTyping(event.target)) return;
      const isPress = event.key === ' ' || event.key === 'Enter';
      if (isPress && event.target instanceof HTMLElement && event.target.closest('button, a, summary'))
        return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const control = latest.current.find((candidate) => candidate.keys.includes(key));
      if (!control) return;
      event.preventDefault();
      const name = control.keys.join(' ');
      if (waiting.current.has(name)) return;
      const ran = control.run();
      if (ran instanceof Promise) {
        waiting.current.set(name, ran);
        void ran.finally(() => {
          if (waiting.current.get(name) === ran) waiting.current.delete(name);
        });
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

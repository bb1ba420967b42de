import { useLayoutEffect, useRef } from 'react';

type Handlers = { onDigit: (digit: number) => void; onEnter: () => void };

const TEXT_ENTRY = new Set(['text', 'search', 'number', 'email', 'url', 'tel', 'password']);

function isTypingOrActing(target: EventTarget | null): { isTyping: boolean; isActing: boolean } {
  if (!(target instanceof HTMLElement)) return { isTyping: false, isActing: false };
  const isTyping =
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && TEXT_ENTRY.has(target.type)) ||
    target.isContentEditable;
  const isActing = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
  return { isTyping, isActing };
}

/**
 * Number keys choose, Enter submits and then goes on; a held key counts once. Keys typed into a
 * field, and Enter on a button or link, keep their usual meaning.
 */
export function useQuizKeys(handlers: Handlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  // Listening from the layout effects, before the question's first frame is shown: from the passive
  // effects, a key pressed as soon as the question showed could come before the listener and be lost.
  useLayoutEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      // A held key repeats: it must never submit, go on or finish more than once. Cancelling the
      // repeat also stops a held Enter in a field or on a button from submitting the form again.
      if (event.repeat) {
        if (event.key === 'Enter') event.preventDefault();
        return;
      }
      const { isTyping, isActing } = isTypingOrActing(event.target);
      if (/^[1-9]$/.test(event.key) && !isTyping) {
        event.preventDefault();
        latest.current.onDigit(Number(event.key));
      } else if (event.key === 'Enter' && !isTyping && !isActing) {
        event.preventDefault();
        latest.current.onEnter();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

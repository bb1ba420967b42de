import { useEffect, useMemo, useState } from 'react';

/** An optional countdown the teacher starts, pauses and resets; it never ends anything by itself. */
export function useCountdown(seconds: number) {
  const [left, setLeft] = useState(seconds);
  const [isRunning, setIsRunning] = useState(false);
  const [isShown, setIsShown] = useState(false);

  useEffect(() => {
    if (!isRunning) return;
    const tick = setInterval(() => setLeft((value) => Math.max(0, value - 1)), 1000);
    return () => clearInterval(tick);
  }, [isRunning]);

  useEffect(() => {
    if (left === 0) setIsRunning(false);
  }, [left]);

  return useMemo(
    () => ({
      left,
      isRunning,
      isShown,
      toggle() {
        setIsShown(true);
        setIsRunning((value) => !value);
      },
      reset() {
        setIsRunning(false);
        setIsShown(false);
        setLeft(seconds);
      },
    }),
    [left, isRunning, isShown, seconds],
  );
}

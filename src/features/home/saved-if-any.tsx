import { lazy, Suspense, useEffect, useState } from 'react';
import { mayHoldSavedData } from '@/stores/browser-storage';

// Its own chunk: it reads the saved quizzes and the history, with their checks (zod) and idb.
const SavedOnThisDevice = lazy(async () => ({
  default: (await import('./saved-on-this-device')).SavedOnThisDevice,
}));

let isKnownToHoldData = false;

/**
 * What this device saved, once it is known to hold something: a browser that holds nothing the app
 * saved (a first visit) has nothing to show, so neither that chunk nor the database and the checks of
 * saved data are loaded. Asked again at each visit of the page: a quiz may have been started since.
 */
export function SavedIfAny() {
  const [mayHold, setMayHold] = useState(isKnownToHoldData);
  useEffect(() => {
    if (mayHold) return;
    let isCurrent = true;
    void mayHoldSavedData().then((holds) => {
      if (!holds || !isCurrent) return;
      isKnownToHoldData = true;
      setMayHold(true);
    });
    return () => {
      isCurrent = false;
    };
  }, [mayHold]);
  if (!mayHold) return null;
  return (
    <Suspense fallback={null}>
      <SavedOnThisDevice />
    </Suspense>
  );
}

// React holds a screen back until 300 ms after the "Loading…" fallback it replaces was shown (its
// throttle of Suspense reveals): on a first visit, a quiz's first question or a teacher's assignment
// showed 0.25 to 0.4 s after its code and data were there. So when React replaces the HTML (rather
// than hydrating a built page), its first render shows "Loading…" as content, and the screen follows
// in a transition, which keeps that content on screen while the screen loads: no fallback is shown,
// so nothing is held back (layout.tsx).
let isHeld = false;

export function holdFirstScreen(): void {
  isHeld = true;
}

export function isFirstScreenHeld(): boolean {
  return isHeld;
}

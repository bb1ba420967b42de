/**
 * The content of a page in the HTML that the browser replaces instead of hydrating (a page the server
 * rendered on request, or a built page at an address with a query: main.tsx). Its nodes stand in for
 * "Loading…" until the screen has rendered what it stands for, so the page does not flash from its
 * content to "Loading…" and back, however many loading steps the screen takes (its code, who is
 * signed in, its data).
 */
let kept: Node[] | null = null;
let holders = 0;

export function keepBuiltContent(main: Element | null): void {
  kept = main ? [...main.childNodes] : null;
}

export function hasBuiltContent(): boolean {
  return kept !== null;
}

/** Puts the kept nodes in `element` (an element React renders empty), moving them there. */
export function showBuiltContent(element: HTMLElement | null): void {
  if (element && kept) element.append(...kept);
}

/**
 * A loading view shows the kept content; the returned function lets it go. Once no view holds it,
 * it is dropped, and a screen loading from then on shows "Loading…". Checked after the commit's
 * effects have all run: one loading view unmounts as the next mounts (the sign-in checked, then the
 * data asked for), and that hand-over must not drop it.
 */
export function holdBuiltContent(): () => void {
  holders += 1;
  return () => {
    holders -= 1;
    queueMicrotask(() => {
      if (holders === 0) kept = null;
    });
  };
}

/** Puts "Loading…" (as PageLoading shows it) in place of built content that is not this device's. */
export function showLoadingInstead(main: Element | null): void {
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.textContent = 'Loading…';
  main?.replaceChildren(status);
}

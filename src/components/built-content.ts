/**
 * The content of a page built to HTML that the browser replaces instead of hydrating (its address
 * has a query, which the build did not know: main.tsx). Its nodes stand in for "Loading…" until the
 * screen's code has come, so the page does not flash from its content to "Loading…" and back.
 */
let kept: Node[] | null = null;

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

/** The first screen has rendered: from then on, a screen loading shows "Loading…". */
export function builtContentReplaced(): void {
  kept = null;
}

/** Puts "Loading…" (as PageLoading shows it) in place of built content that is not this device's. */
export function showLoadingInstead(main: Element | null): void {
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.textContent = 'Loading…';
  main?.replaceChildren(status);
}

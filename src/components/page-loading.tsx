import { useEffect, useState } from 'react';
import { hasBuiltContent, holdBuiltContent, showBuiltContent } from './built-content';

/**
 * What a page shows while its screen's code or data loads: the built page it replaces, if any
 * (built-content.ts), else `label`. Whether it holds the built page is decided once, so a screen that
 * renders this again while it prepares (a quiz reading its saved attempts) keeps showing that page.
 */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  const [isBuilt] = useState(hasBuiltContent);
  useEffect(() => (isBuilt ? holdBuiltContent() : undefined), [isBuilt]);
  if (isBuilt) return <div className="built-content" ref={showBuiltContent} />;
  return <p role="status">{label}</p>;
}

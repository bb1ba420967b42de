/**
 * A `back` link parameter, accepted only as a path inside this app: a tampered link cannot send the
 * learner to another site ("//evil.example", "https:…", "javascript:…").
 */
export function safeBackPath(value: string | null): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  return value.length <= 2000 ? value : undefined;
}

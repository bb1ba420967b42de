/**
 * The content security policy the app is served with (`npm start`, and documented in README.md for
 * static hosts). No inline or foreign scripts; style attributes only, for bar widths.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** `policy` allowing, besides its own, the one inline stylesheet whose hash is `hash` ("sha256-…"). */
export function policyWithStyleHash(policy: string, hash: string): string {
  const directive = "style-src 'self'";
  if (!policy.split('; ').includes(directive)) throw new Error(`the policy has no ${directive}`);
  return policy.replace(directive, `${directive} '${hash}'`);
}

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

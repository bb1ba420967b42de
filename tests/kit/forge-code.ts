import { fnv1a32 } from '@/domain/hash';

/**
 * A code with any payload and a check that matches, as anyone who reads the app's script can make:
 * the check catches copying mistakes, not forgeries, so what is inside must be read with care.
 */
export function codeWithPayload(kind: 'A1' | 'R1', payload: Uint8Array): string {
  let binary = '';
  for (const byte of payload) binary += String.fromCharCode(byte);
  const text = btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  const check = (fnv1a32(kind + text) >>> 2).toString(32).padStart(6, '0');
  return `${kind}.${text}.${check}`;
}

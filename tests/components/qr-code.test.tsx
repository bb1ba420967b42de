import { render, screen } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { QrCode } from '@/components/qr-code';

const LINK = 'https://quiz.example/s/AbCdEfGhIjKlMnOpQrStUv';

const pathOf = (element: Element) => element.querySelector('path')?.getAttribute('d') ?? '';

afterEach(() => document.body.replaceChildren());

describe('QrCode', () => {
  it('draws the same code for the same text, and another for another', () => {
    const first = pathOf(render(<QrCode text={LINK} label="Link" />).container);
    const again = pathOf(render(<QrCode text={LINK} label="Link" />).container);
    const other = pathOf(render(<QrCode text={`${LINK}x`} label="Link" />).container);
    expect(first).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('takes over the code the page already holds for its text, as the server drew it', () => {
    // The server's drawing, in the page the app takes over (here a stand-in path that the library
    // would never draw, to tell the two apart).
    const served = document.createElement('div');
    served.innerHTML = renderToStaticMarkup(<QrCode text={LINK} label="Link" />).replace(
      / d="[^"]+"/,
      ' d="M4 4h1v1h-1z"',
    );
    document.body.append(served);
    render(<QrCode text={LINK} label="Link for students" />);
    const shown = screen.getByRole('img', { name: 'Link for students' });
    expect(pathOf(shown)).toBe('M4 4h1v1h-1z');
    expect(shown.getAttribute('viewBox')).toBe(served.querySelector('svg')?.getAttribute('viewBox'));
    // A code drawn for another text is not taken.
    render(<QrCode text={`${LINK}x`} label="Other" />);
    expect(pathOf(screen.getByRole('img', { name: 'Other' }))).not.toBe('M4 4h1v1h-1z');
  });
});

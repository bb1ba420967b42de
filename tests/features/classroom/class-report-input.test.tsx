import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../kit/render-app';
import { codeWithPayload } from '../../kit/forge-code';

// How a PNG file begins (as text: jsdom's File takes strings reliably), then zeros as image data.
const PNG_START = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR';

describe('what the class report accepts', () => {
  it('refuses a binary file at once and keeps what was typed', async () => {
    // The picker's filter is only a hint: "All files" lets anything through, as here.
    const user = userEvent.setup({ applyAccept: false });
    renderApp('/classroom/report');
    const field = await screen.findByRole('textbox', { name: 'Result codes' }, { timeout: 15_000 });
    await user.type(field, 'kept');
    const photo = new File([PNG_START + '\u0000'.repeat(10_000)], 'photo.png', {
      type: 'image/png',
    });
    await user.upload(screen.getByLabelText('Load a text file'), photo);
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      '“photo.png” is not a plain text file: it looks like an image, a PDF or another binary file. Choose the text file your result codes are in.',
    );
    expect(field).toHaveValue('kept');
  });

  it('loads a text file of codes into the field', async () => {
    const user = userEvent.setup();
    renderApp('/classroom/report');
    const field = await screen.findByRole('textbox', { name: 'Result codes' }, { timeout: 15_000 });
    await user.upload(screen.getByLabelText('Load a text file'), new File(['R1.abc.def\n'], 'codes.txt'));
    await expect.poll(() => (field as HTMLTextAreaElement).value).toBe('R1.abc.def\n');
  });

  it('reports a code that inflates to gigabytes as one bad line, and lists at most 50 problems', async () => {
    const user = userEvent.setup();
    renderApp('/classroom/report');
    const field = await screen.findByRole('textbox', { name: 'Result codes' }, { timeout: 15_000 });
    const bomb = codeWithPayload('R1', deflateSync(new Uint8Array(32_000_000), { level: 9 }));
    const text = [bomb, ...Array.from({ length: 60 }, (_, i) => `not a code ${i}`)].join('\n');
    // Pasted at once, as a teacher would (typing it would take the test minutes).
    await user.click(field);
    await user.paste(text);
    await user.click(screen.getByRole('button', { name: 'Show the report' }));
    expect(await screen.findByText('61 lines could not be used:')).toBeInTheDocument();
    expect(
      screen.getByText(/^Line 1: this result code unpacks to far more than any real one/),
    ).toBeInTheDocument();
    expect(screen.getByText('and 11 more lines with a problem.')).toBeInTheDocument();
  });
});

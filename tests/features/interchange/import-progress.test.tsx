import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReadImportReply, ReadImportRequest } from '@/features/interchange/read-import-async';
import { readImport } from '@/formats/read-import';
import { useMyQuestionsStore } from '@/stores/my-questions-store';
import { fixtureAccess } from '../../kit/fixture-content';
import { renderPage } from '../../kit/render-app';

/** Stands in for the browser's Worker: the test says when it reports progress and when it is done. */
class FakeWorker {
  static started: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<ReadImportReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  request: ReadImportRequest | undefined;
  isTerminated = false;
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage(request: ReadImportRequest) {
    this.request = request;
  }
  terminate() {
    this.isTerminated = true;
  }
  reply(message: ReadImportReply) {
    act(() => this.onmessage?.(new MessageEvent('message', { data: message })));
  }
  /** What a browser does when the worker's script cannot load (blocked, or missing offline). */
  failToStart() {
    act(() => this.onerror?.(new ErrorEvent('error')));
  }
  /** Does what the real worker does with the request, all at once. */
  finish() {
    const { bytes, fileName, knownTopics, takenIds } = this.request!;
    this.reply({ kind: 'done', read: readImport(bytes, fileName, { knownTopics, takenIds }) });
  }
}

beforeEach(() => {
  FakeWorker.started = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const PROMPT = (n: number) => `How many keepers lived at the Kell Point light, count ${n}?`;
const gift = (count: number) =>
  Array.from({ length: count }, (_, n) => `::keepers-${n}:: ${PROMPT(n)} {=Three ~Two ~Five}\n`).join('\n');

async function openImport() {
  const user = userEvent.setup({ applyAccept: false });
  await renderPage('/import', { content: fixtureAccess() });
  const input = await screen.findByLabelText<HTMLInputElement>('Question file');
  const choose = async (name: string, text: string) => {
    await user.upload(input, new File([text], name, { type: 'text/plain' }));
    await vi.waitFor(() => expect(FakeWorker.started.at(-1)?.request).toBeDefined());
    return FakeWorker.started.at(-1)!;
  };
  return { user, input, choose };
}

describe('reading a large file', () => {
  it('shows progress, announced at each quarter, while the worker reads', async () => {
    const { choose } = await openImport();
    const worker = await choose('big.gift', gift(3));
    expect(worker.request?.fileName).toBe('big.gift');
    expect(screen.getByRole('progressbar', { name: 'Reading big.gift…' })).toBeInTheDocument();
    const status = screen.getByText('Reading started.');
    expect(status).toHaveAttribute('role', 'status');

    worker.reply({ kind: 'progress', done: 26, total: 100 });
    expect(status).toHaveTextContent('25% read.');
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '26');
    // A move within the same quarter moves the bar but says nothing new.
    worker.reply({ kind: 'progress', done: 49, total: 100 });
    expect(status).toHaveTextContent('25% read.');
    worker.reply({ kind: 'progress', done: 51, total: 100 });
    expect(status).toHaveTextContent('50% read.');

    worker.finish();
    expect(
      await screen.findByText('big.gift (gift): 3 drafts, 0 questions not imported.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(worker.isTerminated).toBe(true);
  });

  it('cancels: the worker stops, nothing is imported, and the same file can be chosen again', async () => {
    const { user, input, choose } = await openImport();
    const first = await choose('big.gift', gift(2));
    first.reply({ kind: 'progress', done: 1, total: 2 });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(first.isTerminated).toBe(true);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'Import of big.gift cancelled: nothing was imported from it. You can choose a file again.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: /^Drafts/ })).not.toBeInTheDocument();
    expect(input).toHaveFocus();
    expect(input.value).toBe('');
    // A late reply from the stopped worker changes nothing.
    first.finish();
    expect(screen.queryByRole('heading', { level: 2, name: /^Drafts/ })).not.toBeInTheDocument();

    const second = await choose('big.gift', gift(2));
    second.finish();
    expect(
      await screen.findByText('big.gift (gift): 2 drafts, 0 questions not imported.'),
    ).toBeInTheDocument();
    expect(useMyQuestionsStore.getState().questions).toEqual([]);
  });

  it('keeps the drafts already shown when a new file is cancelled', async () => {
    const { user, choose } = await openImport();
    (await choose('first.gift', gift(1))).finish();
    await screen.findByRole('heading', { level: 3, name: PROMPT(0) });
    await choose('second.gift', gift(2));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('first.gift (gift): 1 draft, 0 questions not imported.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: PROMPT(0) })).toBeInTheDocument();
  });

  it('reads the file on the page when the worker cannot start', async () => {
    const { choose } = await openImport();
    (await choose('small.gift', gift(2))).failToStart();
    expect(
      await screen.findByText('small.gift (gift): 2 drafts, 0 questions not imported.'),
    ).toBeInTheDocument();
  });
});

describe('many drafts', () => {
  it('shows them fifty at a time, with pages to turn', async () => {
    const { user, choose } = await openImport();
    (await choose('many.gift', gift(120))).finish();
    const heading = await screen.findByRole('heading', { level: 2, name: 'Drafts 1–50 of 120' });
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(50);
    const pager = screen.getAllByRole('navigation', { name: 'Pages of drafts' })[0]!;
    expect(within(pager).getByRole('button', { name: 'Previous drafts' })).toBeDisabled();
    await user.click(within(pager).getByRole('button', { name: 'Next drafts' }));
    await user.click(within(pager).getByRole('button', { name: 'Next drafts' }));
    expect(heading).toHaveTextContent('Drafts 101–120 of 120');
    expect(heading).toHaveFocus();
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(20);
    expect(screen.getByRole('heading', { level: 3, name: PROMPT(119) })).toBeInTheDocument();
  });

  it('rejects a draft, which can be undone, and leaves it out of Accept all', async () => {
    const { user, choose } = await openImport();
    (await choose('two.gift', gift(2))).finish();
    await user.click(await screen.findByRole('button', { name: `Reject “${PROMPT(0)}”` }));
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();
    expect(screen.getByText(`Rejected: “${PROMPT(0)}”.`, { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3, name: PROMPT(0) })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Accept all on this page' }));
    // The other draft has no explanation nor topic yet: it says so, and nothing is added.
    expect(
      screen.getByText(
        '0 drafts on this page added to My questions. 1 draft not added: each says what it still needs.',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/^Not added: /)).toHaveLength(1);

    await user.click(undo);
    expect(screen.getByRole('heading', { level: 3, name: PROMPT(0) })).toBeInTheDocument();
  });

  it('accepts every draft on the page that passes the checks, in one go', async () => {
    const { user, choose } = await openImport();
    (await choose('two.gift', gift(2))).finish();
    await screen.findByRole('heading', { level: 3, name: PROMPT(1) });
    for (const n of [0, 1]) {
      const card = within(screen.getByRole('heading', { level: 3, name: PROMPT(n) }).closest('li')!);
      await user.type(card.getByRole('textbox', { name: 'Explanation (why the answer is right)' }), 'Three.');
      await user.click(card.getByRole('checkbox', { name: 'History' }));
    }
    await user.click(screen.getByRole('button', { name: 'Accept all on this page' }));
    expect(screen.getByText('2 drafts on this page added to My questions.')).toBeInTheDocument();
    expect(
      useMyQuestionsStore
        .getState()
        .questions.map((question) => question.prompt)
        .sort(),
    ).toEqual([PROMPT(0), PROMPT(1)]);
    expect(screen.getAllByText(/· in My questions$/)).toHaveLength(2);
  });
});

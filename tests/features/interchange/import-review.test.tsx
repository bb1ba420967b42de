import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { exportJsonFile } from '@/formats/export-json-file';
import { useMyQuestionsStore } from '@/stores/my-questions-store';
import { captureDownloads, textOf } from '../../kit/downloads';
import { fixtureAccess, fixtureContent, fixtureQuestion } from '../../kit/fixture-content';
import { renderPage } from '../../kit/render-app';

const GIFT_PROMPT = 'How many keepers lived at the Kell Point light?';
const GIFT = `::keepers-gift:: ${GIFT_PROMPT} {=Three ~Two ~Five}\n`;
const AIKEN = `How tall is the Kell Point tower?
A. 38 metres
B. 12 metres
C. 212 metres
ANSWER: A
`;

// A person can pick any file by switching the dialog to all files; `accept` only filters the list.
async function upload(name: string, text: string) {
  const user = userEvent.setup({ applyAccept: false });
  await renderPage('/import', { content: fixtureAccess() });
  await user.upload(
    await screen.findByLabelText('Question file'),
    new File([text], name, { type: 'text/plain' }),
  );
  return user;
}

const draftCard = (prompt: string) => screen.getByRole('heading', { level: 3, name: prompt }).closest('li')!;

describe('reviewing imported questions', () => {
  it('reads a GIFT file, proposes the passage, and accepts the draft into My questions', async () => {
    const user = await upload('mine.gift', GIFT);
    expect(
      await screen.findByText('mine.gift (gift): 1 draft, 0 questions not imported.'),
    ).toBeInTheDocument();
    const draft = within(draftCard(GIFT_PROMPT));
    expect(draft.getByText(/^Answer:/).parentElement).toHaveTextContent('Answer: Three');
    const proposal = draft.getAllByRole('radio')[0]!;
    expect(proposal).toBeChecked();
    expect(proposal.closest('label')).toHaveTextContent('The Kell Point lighthouse, automatic');

    const explanation = draft.getByRole('textbox', { name: 'Explanation (why the answer is right)' });
    await user.clear(explanation);
    await user.type(explanation, 'Three keepers lived there until 1954.');
    await user.click(draft.getByRole('checkbox', { name: 'History' }));
    await user.click(draft.getByRole('button', { name: 'Accept with this citation' }));

    expect(
      draft.getByText('Added to My questions. It is now in the quiz, with its citation.'),
    ).toBeInTheDocument();
    const [accepted] = useMyQuestionsStore.getState().questions;
    expect(accepted).toMatchObject({
      prompt: GIFT_PROMPT,
      bank: 'my-questions',
      topics: ['history'],
      citations: [{ source: 'kell-point', passage: 'automatic' }],
    });
    const mine = screen.getByRole('heading', { level: 2, name: 'My questions' }).nextElementSibling;
    expect(mine).toHaveTextContent('Practise my 1 question');

    await user.click(screen.getByRole('button', { name: `Remove “${GIFT_PROMPT}”` }));
    expect(useMyQuestionsStore.getState().questions).toEqual([]);
    expect(screen.getByText('None yet. Accepted questions appear here and in the quiz.')).toBeInTheDocument();
  });

  it('rejects a draft whose quote is not in the passage, and keeps nothing', async () => {
    const user = await upload('tower.txt', AIKEN);
    expect(
      await screen.findByText('tower.txt (aiken): 1 draft, 0 questions not imported.'),
    ).toBeInTheDocument();
    const draft = within(draftCard('How tall is the Kell Point tower?'));
    await user.type(
      draft.getByRole('textbox', { name: 'Explanation (why the answer is right)' }),
      'It is 38 m.',
    );
    await user.click(draft.getByRole('checkbox', { name: 'Amounts' }));
    const quote = draft.getByRole('textbox', { name: 'Quote (the exact words that prove the answer)' });
    await user.clear(quote);
    await user.type(quote, 'Its tower is 40 metres tall');
    await user.click(draft.getByRole('button', { name: 'Accept with this citation' }));
    expect(draft.getByText('Not added: the quote is not word for word in the passage.')).toBeInTheDocument();
    expect(useMyQuestionsStore.getState().questions).toEqual([]);

    await user.clear(quote);
    await user.type(quote, 'Its tower is 38 metres tall');
    await user.click(draft.getByRole('button', { name: 'Accept with this citation' }));
    expect(useMyQuestionsStore.getState().questions.map((q) => q.citations[0])).toEqual([
      { source: 'kell-point', passage: 'tower', quote: 'Its tower is 38 metres tall' },
    ]);
  });

  it('reads this app’s JSON export back as drafts', async () => {
    const question = fixtureQuestion('kp-engineer');
    const [file] = exportJsonFile({ questions: [question], sources: fixtureContent().sources }).files;
    await upload('kit.json', String(file!.content));
    expect(
      await screen.findByText('kit.json (json): 1 draft, 0 questions not imported.'),
    ).toBeInTheDocument();
    expect(draftCard(question.prompt)).toHaveTextContent('Answer: Ada Morrow');
  });

  it('names the line of a broken question and still offers the others', async () => {
    await upload(
      'mixed.gift',
      `${GIFT}\n::broken:: Which one? {=A ~B\n\n::fine:: Was the lamp made automatic? {T}\n`,
    );
    expect(
      await screen.findByText('mixed.gift (gift): 2 drafts, 1 question not imported.'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('listitem').find((item) => /^mixed\.gift, line 3,/.test(item.textContent ?? '')),
    ).toBeDefined();
    expect(
      screen.getByRole('heading', { level: 3, name: 'Was the lamp made automatic?' }),
    ).toBeInTheDocument();
  });

  it('refuses a file whose format it cannot tell, saying which names it reads', async () => {
    await upload('notes.docx', 'anything');
    expect(
      await screen.findByText(/^notes\.docx cannot be imported: its format cannot be told from its name/),
    ).toHaveTextContent('Rename it to end in .gift, .txt (GIFT or Aiken), .csv or .json');
  });

  it('saves the drafts as a YAML bank file', async () => {
    const user = await upload('mine.gift', GIFT);
    const downloads = captureDownloads();
    await user.click(await screen.findByRole('button', { name: 'Save the drafts as a YAML bank file' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('imported.yaml');
    const yaml = await textOf(downloads[0]!.blob);
    expect(yaml).toContain(GIFT_PROMPT);
    expect(yaml).toMatch(/- Three/);
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useStudentNameStore } from '@/features/classroom/student-name-store';
import { assignmentCode, makeAssignment, makeResultCode, responseTo } from '../../kit/factories';
import { captureDownloads, textOf } from '../../kit/downloads';
import { fixtureAccess, fixtureQuestion } from '../../kit/fixture-content';
import { renderPage } from '../../kit/render-app';

const engineer = fixtureQuestion('kp-engineer');
const keepers = fixtureQuestion('kp-keeper-count');
const logbook = fixtureQuestion('kp-logbook');
const assignment = makeAssignment([engineer.id, keepers.id, logbook.id], { mode: 'practice', minutes: 10 });
const code = assignmentCode(assignment);
const render = (path: string) => renderPage(path, { content: fixtureAccess() });

/** A code with one character of its payload changed, as a student might mistype it. */
function damaged(text: string): string {
  const at = text.indexOf('.') + 5;
  return `${text.slice(0, at)}${text[at] === 'x' ? 'y' : 'x'}${text.slice(at + 1)}`;
}

describe('the student start page', () => {
  it('says what the assignment is, asks for a name and starts the quiz with it', async () => {
    const user = userEvent.setup();
    await render(`/a#${code}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Kell Point check' })).toBeInTheDocument();
    expect(screen.getByText('3 questions')).toBeInTheDocument();
    expect(screen.getByText('Practice: you see whether each answer is right as you go')).toBeInTheDocument();
    expect(screen.getByText('Time limit: 10 minutes (you can ask for more)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start' }));
    const name = screen.getByRole('textbox', { name: 'Your name or nickname' });
    expect(screen.getByRole('alert')).toHaveTextContent('Type your name, so your teacher knows whose');
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await user.type(name, '  Ada ');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Question 1 of 3')).toBeInTheDocument();
    expect(useStudentNameStore.getState().name).toBe('Ada');
  });

  it('offers the name typed before on this device', async () => {
    useStudentNameStore.getState().nameEntered('Ben');
    await render(`/a#${code}`);
    expect(await screen.findByRole('textbox', { name: 'Your name or nickname' })).toHaveValue('Ben');
  });

  it.each([
    [
      damaged(code),
      'this assignment link is damaged (its check does not match): part of it was probably lost in copying. Ask your teacher for the link again, or copy it once more in full.',
    ],
    ['', 'the link has no assignment in it.'],
    ['R1.abc.123456', 'this is not an assignment link.'],
  ])('explains a link that does not work (%s)', async (hash, problem) => {
    await render(`/a#${hash}`);
    expect(
      await screen.findByRole('heading', { name: 'This assignment link does not work' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(`The link cannot be used: ${problem}`);
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
  });
});

describe('the class report', () => {
  const ada = makeResultCode(assignment, 'Ada', [
    responseTo(engineer, true),
    responseTo(keepers, true),
    responseTo(logbook, true),
  ]);
  const ben = makeResultCode(assignment, 'Ben', [
    responseTo(engineer, false),
    responseTo(keepers, true),
    null,
  ]);

  async function showReport(codes: string) {
    const user = userEvent.setup();
    await render('/classroom/report');
    await user.click(await screen.findByRole('textbox', { name: 'Result codes' }));
    await user.paste(codes);
    await user.click(screen.getByRole('button', { name: 'Show the report' }));
    return user;
  }

  it('scores each student and each question from pasted codes', async () => {
    const user = await showReport(`${ada}\n${ben}\n`);
    expect(
      screen.getByRole('heading', { name: '“Kell Point check”: 2 students, average 67%' }),
    ).toBeInTheDocument();
    const [students, questions] = screen.getAllByRole('table');
    expect(within(students!).getByRole('row', { name: 'Ada 3 of 3 100%' })).toBeInTheDocument();
    expect(within(students!).getByRole('row', { name: 'Ben 1 of 3 33%' })).toBeInTheDocument();
    const engineerRow = within(questions!).getByRole('row', {
      name: new RegExp(engineer.prompt.replace('?', '\\?')),
    });
    expect(engineerRow).toHaveTextContent('50%');
    expect(engineerRow).toHaveTextContent('Tomas Verey (1)');

    const downloads = captureDownloads();
    await user.click(screen.getByRole('button', { name: 'Download as CSV' }));
    expect(downloads.map((file) => file.name)).toEqual(['Kell-Point-check-report.csv']);
    const lines = (await textOf(downloads[0]!.blob))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"?Ada"?,"?1"?,"?1"?,"?1"?,"?3"?,"?3"?,"?100"?$/);
    expect(lines[2]).toMatch(/^"?Ben"?,"?0"?,"?1"?,"?0"?,"?1"?,"?3"?,"?33"?$/);
  });

  it('names the line of a damaged code and reports on the others', async () => {
    await showReport(`${ada}\n${damaged(ben)}\n`);
    const status = screen.getByText(/could not be used/).closest('div')!;
    expect(status).toHaveTextContent('1 line could not be used; the others are in the report:');
    expect(status).toHaveTextContent(
      'Line 2: this result code is damaged (its check does not match): part of it was probably lost in copying.',
    );
    expect(
      screen.getByRole('heading', { name: '“Kell Point check”: 1 student, average 100%' }),
    ).toBeInTheDocument();
  });

  it('says so when no line is a result code', async () => {
    await showReport('hello\n');
    expect(screen.getByText('Line 1: this is not a result code.')).toBeInTheDocument();
    expect(screen.getByText('No result codes to report on yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('the projector', () => {
  it('steps through the questions and reveals each answer with its passage', async () => {
    const user = userEvent.setup();
    await render(`/classroom/projector#${code}`);
    expect(await screen.findByText('Question 1 of 3')).toBeInTheDocument();
    const prompts = [engineer, keepers, logbook].map((question) => question.prompt);
    const shownPrompt = () => screen.getByRole('heading', { level: 2 }).textContent ?? '';
    const first = shownPrompt();
    expect(prompts).toContain(first);
    expect(screen.queryByText(/^Answer:/)).not.toBeInTheDocument();

    await user.keyboard('r');
    const question = [engineer, keepers, logbook].find((q) => q.prompt === first)!;
    expect(screen.getByText(/^Answer:/)).toBeInTheDocument();
    expect(screen.getByText(question.explanation)).toBeInTheDocument();
    expect(screen.getByText(new RegExp(question.citations[0]!.quote))).toHaveTextContent(
      'The Kell Point lighthouse',
    );

    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Question 2 of 3')).toBeInTheDocument();
    expect(shownPrompt()).not.toBe(first);
    expect(screen.queryByText(/^Answer:/)).not.toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(shownPrompt()).toBe(first);

    await user.keyboard('?');
    expect(screen.getByRole('region', { name: 'Keyboard controls' })).toBeInTheDocument();
  });
});

describe('the print page', () => {
  it('prints a worksheet with every question and a place for the name', async () => {
    await render(`/classroom/print#${code}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Kell Point check' })).toBeInTheDocument();
    expect(screen.getByText(/^Name:/)).toBeInTheDocument();
    for (const question of [engineer, keepers, logbook])
      expect(screen.getByText(question.prompt)).toBeInTheDocument();
    expect(screen.getAllByText('Tick one box.')).toHaveLength(2);
    expect(screen.queryByText(engineer.explanation)).not.toBeInTheDocument();
  });

  it('prints the answer key in the same order, with answers, explanations and passages', async () => {
    await render(`/classroom/print?key=1#${code}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kell Point check: answer key' }),
    ).toBeInTheDocument();
    const entries = screen
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('sheet__question'));
    expect(entries).toHaveLength(3);
    const engineerEntry = entries.find((entry) => entry.textContent?.includes(engineer.prompt))!;
    expect(engineerEntry).toHaveTextContent(/[ABC]: Ada Morrow/);
    expect(engineerEntry).toHaveTextContent(engineer.explanation);
    expect(engineerEntry).toHaveTextContent(
      '“by the engineer Ada Morrow” — The Kell Point lighthouse, passage built',
    );
  });
});

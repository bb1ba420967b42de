import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Question } from '@/domain/question';
import { importAiken } from '@/formats/import-aiken';
import { importCsv } from '@/formats/import-csv';
import { importGift } from '@/formats/import-gift';
import { assignmentCode, makeAssignment } from '../../kit/factories';
import { bytesOf, captureDownloads, textOf } from '../../kit/downloads';
import { fixtureAccess, fixtureContent } from '../../kit/fixture-content';
import { renderPage } from '../../kit/render-app';

const { questions } = fixtureContent();
const ids = (bank?: string) => questions.filter((q) => !bank || q.bank === bank).map((q) => q.id);
const promptsOf = (list: readonly { prompt: string }[]) => list.map((q) => q.prompt).sort();
const prompts = (bank?: string) => promptsOf(questions.filter((q) => !bank || q.bank === bank));

/** Opens the export page, makes the choices, downloads, and returns the one file downloaded. */
async function exportWith(
  choose: (user: ReturnType<typeof userEvent.setup>) => Promise<void>,
  path = '/export',
) {
  const user = userEvent.setup();
  await renderPage(path, { content: fixtureAccess() });
  await screen.findByRole('heading', { name: 'Export questions' });
  await choose(user);
  const downloads = captureDownloads();
  await user.click(screen.getByRole('button', { name: 'Download' }));
  expect(downloads).toHaveLength(1);
  return downloads[0]!;
}

const format = (value: string) => async (user: ReturnType<typeof userEvent.setup>) =>
  user.selectOptions(screen.getByRole('combobox', { name: 'Format' }), value);

describe('exporting questions', () => {
  it('offers every format and all questions by default, as GIFT', async () => {
    const file = await exportWith(async () => {
      expect(screen.getByRole('radio', { name: 'All 6 questions' })).toBeChecked();
      expect(
        [...screen.getByRole('combobox', { name: 'Format' }).querySelectorAll('option')].map((o) => o.value),
      ).toEqual(['gift', 'moodle-xml', 'qti', 'aiken', 'csv', 'csv-semicolon', 'json']);
    });
    expect(file.name).toBe('source-quiz.gift');
    expect(screen.getByText('Saved source-quiz.gift with 6 questions.')).toBeInTheDocument();
    const text = await textOf(file.blob);
    for (const id of ids()) expect(text).toContain(`::${id}::`);
    expect(promptsOf(importGift(text).drafts)).toEqual(prompts());
  });

  it('writes our JSON with every question, answer and citation', async () => {
    const file = await exportWith(format('json'));
    expect(file.name).toBe('source-quiz.json');
    const document: unknown = JSON.parse(await textOf(file.blob));
    expect(document).toMatchObject({ format: expect.any(String), questions });
    expect(document).toHaveProperty('sources', fixtureContent().sources);
  });

  it('exports one bank as CSV, one row per question', async () => {
    const file = await exportWith(async (user) => {
      await user.click(screen.getByRole('radio', { name: 'One bank' }));
      await user.selectOptions(screen.getByRole('combobox', { name: 'Bank' }), 'Keepers');
      await format('csv')(user);
    });
    expect(file.name).toBe('keepers.csv');
    const text = await textOf(file.blob);
    expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^"?id"?,"?type"?,"?prompt"?/);
    expect(promptsOf(importCsv(text).drafts)).toEqual(prompts('keepers'));
  });

  it('exports CSV with semicolons for spreadsheets set to French or Dutch, read back the same', async () => {
    const file = await exportWith(format('csv-semicolon'));
    expect(file.name).toMatch(/\.csv$/);
    const text = await textOf(file.blob);
    expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^"?id"?;"?type"?;"?prompt"?/);
    expect(promptsOf(importCsv(text).drafts)).toEqual(prompts());
  });

  it('lists what Aiken cannot express and exports the rest', async () => {
    const file = await exportWith(format('aiken'));
    expect(file.name).toBe('source-quiz-aiken.txt');
    // Aiken has single choice only; a true-false question goes as a choice of True and False.
    const isExpressible = (q: Question) => q.type === 'single' || q.type === 'true-false';
    const expressible = questions.filter(isExpressible);
    const skipped = questions.filter((q) => !isExpressible(q));

    expect(
      screen.getByText(`Saved source-quiz-aiken.txt with ${expressible.length} questions.`),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`${skipped.length} questions could not be expressed in this format:`),
    ).toBeInTheDocument();
    for (const q of skipped)
      expect(screen.getByText(new RegExp(`^${q.id}: Aiken has only`))).toBeInTheDocument();
    const imported = importAiken(await textOf(file.blob)).drafts;
    expect(promptsOf(imported)).toEqual(promptsOf(expressible));
  });

  it('writes Moodle XML with one question element per question', async () => {
    const file = await exportWith(format('moodle-xml'));
    expect(file.name).toBe('source-quiz-moodle.xml');
    const xml = new DOMParser().parseFromString(await textOf(file.blob), 'application/xml');
    expect(xml.querySelector('parsererror')).toBeNull();
    const names = [...xml.querySelectorAll('question:not([type="category"]) > name > text')].map(
      (n) => n.textContent,
    );
    expect(names.sort()).toEqual(ids().sort());
  });

  it('zips a QTI package with a manifest and one item per question', async () => {
    const file = await exportWith(format('qti'));
    expect(file.name).toBe('source-quiz-qti.zip');
    const entries = unzipSync(await bytesOf(file.blob));
    expect(Object.keys(entries).sort()).toEqual(
      ['imsmanifest.xml', ...ids().map((id) => `items/${id}.xml`)].sort(),
    );
    for (const q of questions) {
      const item = new DOMParser().parseFromString(
        strFromU8(entries[`items/${q.id}.xml`]!),
        'application/xml',
      );
      expect(item.documentElement.getAttribute('identifier')).toBe(q.id);
      expect(item.querySelector('qti-item-body')?.textContent).toContain(q.prompt);
    }
  });

  it('exports the questions of an assignment from its link', async () => {
    const assignment = makeAssignment(['kp-engineer', 'kp-logbook'], { title: 'Two on keepers' });
    const file = await exportWith(format('json'), `/export#${assignmentCode(assignment)}`);
    expect(screen.getByRole('radio', { name: 'The questions of an assignment' })).toBeChecked();
    expect(file.name).toBe('two-on-keepers.json');
    const document: unknown = JSON.parse(await textOf(file.blob));
    expect(document).toMatchObject({ questions: [{ id: 'kp-engineer' }, { id: 'kp-logbook' }] });
  });

  it('says why an assignment that cannot be read is not exported, and downloads nothing', async () => {
    const user = userEvent.setup();
    await renderPage('/export#A1.broken.000000', { content: fixtureAccess() });
    const downloads = captureDownloads();
    await user.click(await screen.findByRole('button', { name: 'Download' }));
    expect(downloads).toEqual([]);
    expect(
      screen.getByText(/^The assignment cannot be read: this assignment link is damaged/),
    ).toBeInTheDocument();
  });
});

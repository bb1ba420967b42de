import { stringify } from 'yaml';
import type { DraftBank } from './drafts-to-bank';

/** The bank as YAML in the style of questions/banks/*.yaml, under a comment saying what is left to do. */
export function writeBankYaml(bank: DraftBank, comment: string): string {
  const body = stringify(bank, { lineWidth: 0, flowCollectionPadding: false });
  const header = comment
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return `${header}\n${body}`;
}

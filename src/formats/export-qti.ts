import { strToU8, zipSync } from 'fflate';
import { feedbackText } from './cite';
import type { ExportInput, ExportResult } from './format-types';
import { QTI_NAMESPACE, qtiIdentifier, qtiItem } from './qti-item';
import { el, renderXmlDocument } from './xml';

const CP_NAMESPACE = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
const CP_SCHEMA = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd';
/** Local midnight, so the zip's DOS timestamps are the same bytes in every time zone. */
const FIXED_TIME = new Date(2000, 0, 1);

/** The text files of the package (manifest and items) before zipping: what the golden test reads. */
export function qtiPackageFiles({
  questions,
  sources,
  baseName = 'source-quiz',
}: ExportInput): Record<string, string> {
  const files: Record<string, string> = {};
  const resources = questions.map((question) => {
    const href = `items/${question.id}.xml`;
    files[href] = renderXmlDocument(qtiItem(question, feedbackText(question, sources)));
    return el(
      'resource',
      { identifier: qtiIdentifier(question.id), type: 'imsqti_item_xmlv3p0', href },
      el('file', { href }),
    );
  });
  const manifest = el(
    'manifest',
    {
      xmlns: CP_NAMESPACE,
      'xmlns:imsqti': QTI_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${CP_NAMESPACE} ${CP_SCHEMA}`,
      identifier: qtiIdentifier(baseName),
    },
    el('metadata', {}, el('schema', {}, 'QTI Package'), el('schemaversion', {}, '3.0.0')),
    el('organizations'),
    el('resources', {}, ...resources),
  );
  return { 'imsmanifest.xml': renderXmlDocument(manifest), ...files };
}

/**
 * A QTI 3.0 content package: imsmanifest.xml and one qti-assessment-item per question, zipped with
 * fflate. Every question type can be written, so nothing is skipped.
 */
export function exportQti(input: ExportInput): ExportResult {
  const files = qtiPackageFiles(input);
  const zippable = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]));
  const content = zipSync(zippable, { level: 9, mtime: FIXED_TIME });
  return { files: [{ name: `${input.baseName ?? 'source-quiz'}-qti.zip`, content }], skipped: [] };
}

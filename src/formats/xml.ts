import { normalizeNewlines } from './cite';

/**
 * Characters XML 1.0 cannot hold at all (most control characters, U+FFFE/U+FFFF, unpaired
 * surrogates). They are dropped rather than escaped, because no escape makes them legal.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that XML can hold: line breaks as \n, impossible characters dropped. */
export function xmlSafe(text: string): string {
  return normalizeNewlines(text).replace(NOT_XML, '');
}

/** Escapes text for an XML element: & < > (and `>` always, so `]]>` never appears). */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for a double-quoted attribute; tab and line feed as references, or parsers turn them into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** A CDATA section; `]]>` inside is split across two sections, the only way to write it there. */
export function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Plain text as HTML: escaped, paragraphs at blank lines, `<br>` at single line breaks. */
export function textToHtml(text: string): string {
  return xmlSafe(text)
    .split('\n\n')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export type XmlNode = XmlElement | { text: string } | { raw: string };
export type XmlElement = { name: string; attributes: Record<string, string | number>; children: XmlNode[] };

/** An element; children that are strings become escaped text. */
export function el(
  name: string,
  attributes: Record<string, string | number | undefined> = {},
  ...children: (XmlNode | string)[]
): XmlElement {
  const defined: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) defined[key] = value;
  return {
    name,
    attributes: defined,
    children: children.map((child) => (typeof child === 'string' ? { text: child } : child)),
  };
}

/** Markup written as is (already escaped, or a CDATA section). */
export const raw = (markup: string): XmlNode => ({ raw: markup });

function isElement(node: XmlNode): node is XmlElement {
  return 'name' in node;
}

function render(node: XmlNode, depth: number): string {
  if (!isElement(node)) return 'text' in node ? escapeXml(node.text) : node.raw;
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.name}${attributes}/>`;
  // Elements holding text keep their content on one line, so no white space is added to the text.
  if (!node.children.every(isElement)) {
    return `<${node.name}${attributes}>${node.children.map((child) => render(child, depth)).join('')}</${node.name}>`;
  }
  const indent = '  '.repeat(depth + 1);
  const inner = node.children.map((child) => `${indent}${render(child, depth + 1)}`).join('\n');
  return `<${node.name}${attributes}>\n${inner}\n${'  '.repeat(depth)}</${node.name}>`;
}

/** A whole XML document with its declaration, two-space indented, ending with a newline. */
export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, 0)}\n`;
}

/** Paragraphs of escaped XHTML (`<p>`, `<br/>`) for QTI bodies and feedback. */
export function paragraphs(text: string): XmlElement[] {
  return xmlSafe(text)
    .split('\n\n')
    .map((paragraph) => {
      const parts = paragraph
        .split('\n')
        .flatMap((line, index): XmlNode[] => (index === 0 ? [{ text: line }] : [el('br'), { text: line }]));
      return el('p', {}, ...parts);
    });
}

import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'iframe', 'object']);
/** Elements that start and end a line of their own. */
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'dt',
  'dd',
  'ul',
  'ol',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'tr',
  'table',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'hr',
]);
const CELLS = new Set(['td', 'th']);

/**
 * Plain text from the HTML that GIFT and Moodle allow in questions, read by htmlparser2 (the
 * parser behind cheerio, which runs in Node and in the browser alike): blocks, list items and
 * `<br>` become line breaks, the content of `<script>`, `<style>` and the like is dropped, every
 * HTML entity is decoded. The app shows text, never HTML, so markup cannot come in.
 */
export function htmlToText(html: string): string {
  let text = '';
  let hiddenDepth = 0;
  let preDepth = 0;
  // One line break between blocks, however many block tags meet there; `<br>` always adds one.
  let isLineEmpty = true;
  const endLine = () => {
    if (!isLineEmpty) text += '\n';
    isLineEmpty = true;
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hiddenDepth += 1;
        else if (name === 'br') {
          text += '\n';
          isLineEmpty = true;
        } else if (BLOCKS.has(name)) endLine();
        else if (CELLS.has(name)) text += ' ';
        if (name === 'pre') preDepth += 1;
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (BLOCKS.has(name)) endLine();
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      },
      ontext(chunk) {
        if (hiddenDepth > 0) return;
        // Outside <pre>, a line break in the source is a space, as a browser shows it.
        text += preDepth > 0 ? chunk : chunk.replace(/[\r\n]+/g, ' ');
        if (/\S/.test(chunk)) isLineEmpty = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return tidyLines(text);
}

/** Entities decoded in text that is not HTML otherwise (Moodle's own text format allows them). */
export function decodeEntities(text: string): string {
  return decodeHTML(text);
}

function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

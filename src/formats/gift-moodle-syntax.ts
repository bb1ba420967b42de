import { decimalText } from './number-text';

/**
 * Rewrites the GIFT that Moodle accepts but gift-pegjs's grammar refuses into the equivalent text
 * it reads, without changing what Moodle would make of it:
 * - a `#` outside the answer braces is text for Moodle (as in `Caf&#233;` or `C#`), so it is escaped;
 * - a single numeric answer with feedback, `{#3.14:0.01#Close}`, is written `{#=3.14:0.01#Close}`;
 * - numbers with exponents (`{#1e3:1}`) are written out in decimals, since the grammar has no exponent.
 * In answers, an unescaped `#` still starts feedback, as it does in Moodle.
 */
export function acceptMoodleGift(block: string): string {
  let out = '';
  let index = 0;
  let atLineStart = true;
  while (index < block.length) {
    const char = block[index] ?? '';
    if (atLineStart && /^[ \t]*(\/\/|\$CATEGORY:)/.test(block.slice(index, index + 12))) {
      const end = lineEnd(block, index);
      out += block.slice(index, end);
      index = end;
      continue;
    }
    atLineStart = char === '\n';
    if (char === '\\') {
      out += block.slice(index, index + 2);
      index += 2;
    } else if (char === '#') {
      out += '\\#';
      index += 1;
    } else if (char === '{') {
      const close = closingBrace(block, index + 1);
      if (close < 0) return out + block.slice(index);
      out += `{${answerText(block.slice(index + 1, close))}}`;
      index = close + 1;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The index of the `}` closing an answer, escapes skipped; -1 when the answer never closes. */
function closingBrace(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '}') return index;
  }
  return -1;
}

const EXPONENT_NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+/g;

function answerText(answer: string): string {
  const hash = answer.indexOf('#');
  if (hash < 0 || answer.slice(0, hash).trim() !== '') return answer;
  // A numeric answer: feedback keeps its text, the number parts lose their exponents.
  let body = '';
  let part = '';
  let isFeedback = false;
  let hasFeedback = false;
  const flush = () => {
    body += isFeedback ? part : part.replace(EXPONENT_NUMBER, (number) => decimalText(Number(number)));
    part = '';
  };
  const rest = answer.slice(hash + 1);
  for (let index = 0; index < rest.length; index += 1) {
    const char = rest[index] ?? '';
    if (char === '\\') {
      part += rest.slice(index, index + 2);
      index += 1;
      continue;
    }
    if (char === '#' || char === '=' || char === '~') {
      flush();
      isFeedback = char === '#';
      hasFeedback ||= isFeedback;
    }
    part += char;
  }
  flush();
  const isSingleAnswer = !/^\s*[=~]/.test(body);
  return `${answer.slice(0, hash + 1)}${isSingleAnswer && hasFeedback ? '=' : ''}${body}`;
}

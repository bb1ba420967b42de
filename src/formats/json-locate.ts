/** A JSON path: object keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[];
export type JsonPosition = { line: number; column: number };

/**
 * Finds where each value of a JSON text starts, or where the text stops being JSON. JSON.parse
 * does not say where a value is, and its syntax messages differ between engines, so problems are
 * located with this small scanner (RFC 8259 grammar; it does not build the values).
 */
export function scanJson(text: string): {
  positions: Map<string, number>;
  error?: { offset: number; message: string };
} {
  const positions = new Map<string, number>();
  let index = 0;

  class JsonSyntax extends Error {
    constructor(
      message: string,
      readonly offset: number,
    ) {
      super(message);
    }
  }
  const fail = (message: string): never => {
    throw new JsonSyntax(message, index);
  };
  const skipSpace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index] ?? '')) index += 1;
  };
  const readString = (): string => {
    const start = index;
    index += 1;
    while (index < text.length && text[index] !== '"') {
      const char = text[index] ?? '';
      if (char < ' ') fail('control character in a string');
      index += char === '\\' ? 2 : 1;
    }
    if (index >= text.length) {
      index = start;
      fail('a string is never closed');
    }
    index += 1;
    try {
      const parsed: unknown = JSON.parse(text.slice(start, index));
      return typeof parsed === 'string' ? parsed : '';
    } catch {
      index = start;
      return fail('a string with an invalid escape');
    }
  };
  const value = (path: (string | number)[]) => {
    skipSpace();
    positions.set(JSON.stringify(path), index);
    const char = text[index];
    if (char === '{') {
      index += 1;
      skipSpace();
      if (text[index] === '}') {
        index += 1;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[index] !== '"') fail('expected a property name in double quotes');
        const key = readString();
        skipSpace();
        if (text[index] !== ':') fail('expected ":" after a property name');
        index += 1;
        value([...path, key]);
        skipSpace();
        if (text[index] === ',') index += 1;
        else if (text[index] === '}') {
          index += 1;
          return;
        } else fail('expected "," or "}"');
      }
    }
    if (char === '[') {
      index += 1;
      skipSpace();
      if (text[index] === ']') {
        index += 1;
        return;
      }
      for (let item = 0; ; item += 1) {
        value([...path, item]);
        skipSpace();
        if (text[index] === ',') index += 1;
        else if (text[index] === ']') {
          index += 1;
          return;
        } else fail('expected "," or "]"');
      }
    }
    if (char === '"') {
      readString();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(index, index + 400),
    );
    if (!literal) fail(index >= text.length ? 'the text ends before the value' : 'expected a value');
    index += literal?.[0].length ?? 0;
  };

  try {
    value([]);
    skipSpace();
    if (index < text.length) fail('more text after the JSON value');
    return { positions };
  } catch (error) {
    // Anything else is the call stack running out on absurdly deep nesting.
    return error instanceof JsonSyntax
      ? { positions, error: { offset: error.offset, message: error.message } }
      : { positions, error: { offset: index, message: 'the JSON is nested too deeply to read' } };
  }
}

/** 1-based line and column of an offset. */
export function positionAt(text: string, offset: number): JsonPosition {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Where the value at `path` starts, or its nearest parent that exists. */
export function locate(text: string, positions: Map<string, number>, path: JsonPath): JsonPosition {
  for (let length = path.length; length >= 0; length -= 1) {
    const offset = positions.get(JSON.stringify(path.slice(0, length)));
    if (offset !== undefined) return positionAt(text, offset);
  }
  return { line: 1, column: 1 };
}

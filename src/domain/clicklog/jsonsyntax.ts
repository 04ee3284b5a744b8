/**
 * Locating JSON syntax errors and array items by line.
 *
 * `JSON.parse` error messages differ between engines (some give a position, some a line and
 * column, Safari neither), so when it fails we re-scan the text with a small validator that
 * reports the same line and column everywhere. It only runs on failure.
 */

export interface JsonSyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units from the start of the line. */
  column: number;
  message: string;
}

class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function whatIsAt(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const cp = text.codePointAt(i) ?? 0;
  const ch = String.fromCodePoint(cp);
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (cp < 0x20) return `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(ch);
}

/** Line and column of the first syntax error in `text`, or null when it is valid JSON (or too deeply nested to check). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const fail = (expected: string): never => {
    throw new SyntaxAt(i, `expected ${expected} but found ${whatIsAt(text, i)}`);
  };
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: a JSON string scanner (escapes, \u sequences, control characters) in one pass: the tokenizer's hot loop
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= n) throw new SyntaxAt(i, 'a string is not closed before the end of the file');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 10 || c === 13) throw new SyntaxAt(i, 'a line break inside a string (is a closing quote missing?)');
      if (c < 0x20) throw new SyntaxAt(i, `${whatIsAt(text, i)} inside a string (escape it)`);
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new SyntaxAt(i, 'bad \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new SyntaxAt(i, `bad escape ${whatIsAt(text, i + 1)} in a string`);
      } else i++;
    }
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-') fail('a value');
    i += m?.[0].length ?? 0;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value');
  };
  const value = (afterComma: boolean): void => {
    ws();
    const c = text[i];
    if (c === '{') object();
    else if (c === '[') array();
    else if (c === '"') string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (afterComma && (c === ']' || c === '}')) fail('a value (JSON does not allow a trailing comma)');
    else fail('a value');
  };
  const object = (): void => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail(text[i] === '}' ? 'a property name (JSON does not allow a trailing comma)' : 'a property name in double quotes');
      string();
      ws();
      if (text[i] !== ':') fail('":" after a property name');
      i++;
      value(false);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail('"," or "}" after a property value');
    }
  };
  const array = (): void => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value(true);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail('"," or "]" after an array item');
    }
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value(false);
    ws();
    if (i < n) fail('the end of the file after the JSON value');
    return null;
  } catch (e) {
    if (!(e instanceof SyntaxAt)) return null; // e.g. RangeError from absurd nesting
    const { line, column } = lineAndColumn(text, e.offset);
    return { line, column, message: e.message };
  }
}

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * 1-based start lines of the items of the events array in a valid JSON document: the top-level
 * array, or, when `eventsKey` is given, the array under that key of the top-level object
 * (the last one, as `JSON.parse` keeps the last duplicate key). One pass over the text.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: a one-pass scanner that tracks depth, strings and line numbers together; splitting it would rescan the text
export function arrayItemLines(text: string, eventsKey: string | null): number[] {
  let lines: number[] = [];
  let line = 1;
  let depth = 0;
  let targetDepth = -1; // depth inside the events array while in it
  let expectItem = false;
  let lastKey: string | null = null;
  let expectKey = false;
  let awaitingValue = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) continue;
    if (expectItem && depth === targetDepth && c !== 93 /* ] */) {
      lines.push(line);
      expectItem = false;
    }
    if (c === 34) {
      // Skip the string, counting nothing: JSON strings cannot hold raw line breaks.
      const start = i;
      i++;
      while (i < n && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
      if (eventsKey !== null && depth === 1 && expectKey) {
        try {
          lastKey = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          lastKey = null;
        }
        expectKey = false;
      }
      continue;
    }
    if (c === 58 /* : */ && depth === 1 && eventsKey !== null) {
      awaitingValue = lastKey === eventsKey;
      continue;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      const opensTarget = eventsKey === null ? depth === 1 && c === 91 : depth === 2 && c === 91 && awaitingValue;
      awaitingValue = false;
      if (opensTarget) {
        lines = [];
        targetDepth = depth;
        expectItem = true;
      }
      if (depth === 1 && c === 123) expectKey = true;
      continue;
    }
    if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth === targetDepth) {
        targetDepth = -1;
        expectItem = false;
      }
      depth--;
      continue;
    }
    if (c === 44 /* , */) {
      if (depth === targetDepth) expectItem = true;
      if (depth === 1) expectKey = true;
      awaitingValue = false;
      continue;
    }
    awaitingValue = false;
  }
  return lines;
}

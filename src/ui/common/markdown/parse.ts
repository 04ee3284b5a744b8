/**
 * A Markdown reader for the subset our own docs use (headings, paragraphs, bullet and numbered
 * lists, pipe tables, fenced code, **strong**, *emphasis*, `code`): it returns plain data that
 * Markdown.tsx turns into elements, so no text ever becomes HTML.
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'strong' | 'em'; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { kind: 'code'; lang: string; text: string };

/** Inline marks; an opening mark without its closing one stays as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    } else if (c === '*') {
      const mark = text.startsWith('**', i) ? '**' : '*';
      const from = i + mark.length;
      const end = closing(text, mark, from);
      if (end > from) {
        flush();
        out.push({ kind: mark === '**' ? 'strong' : 'em', children: parseInline(text.slice(from, end)) });
        i = end + mark.length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

/** Where `mark` closes, skipping code spans (whose stars are literal), or -1. */
function closing(text: string, mark: string, from: number): number {
  if (text[from] === ' ') return -1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (text.startsWith(mark, i) && (mark === '**' || text[i + 1] !== '*')) return i;
    else if (mark === '*' && text.startsWith('**', i)) i++;
  }
  return -1;
}

/** A table row's cells: `| a | b |` → ['a', 'b'] (a `|` inside a code span does not split). */
function cells(line: string): Inline[][] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const parts: string[] = [];
  let cell = '';
  let inCode = false;
  for (const c of inner) {
    if (c === '`') inCode = !inCode;
    if (c === '|' && !inCode) {
      parts.push(cell);
      cell = '';
    } else cell += c;
  }
  parts.push(cell);
  return parts.map((p) => parseInline(p.trim()));
}

const BULLET = /^\s*[-*] +(.*)$/;
const NUMBERED = /^\s*\d+\. +(.*)$/;
const HEADING = /^(#{1,6}) +(.*)$/;
const FENCE = /^```(\w*)\s*$/;
const RULE_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** The document's blocks, in order. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: a small Markdown block reader (headings, lists, code, tables, paragraphs): one pass over lines
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    const heading = HEADING.exec(line);
    if (line.trim() === '') i++;
    else if (fence) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      const stop = end < 0 ? lines.length : end;
      blocks.push({ kind: 'code', lang: fence[1]!, text: lines.slice(i + 1, stop).join('\n') });
      i = stop + 1;
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, children: parseInline(heading[2]!.trim()) });
      i++;
    } else if (line.trimStart().startsWith('|') && RULE_ROW.test(lines[i + 1] ?? '')) {
      const head = cells(line);
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && lines[i]!.trimStart().startsWith('|'); i++) rows.push(cells(lines[i]!));
      blocks.push({ kind: 'table', head, rows });
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      // An item runs on over indented lines, up to a blank line or the next item.
      for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
        const item = marker.exec(lines[i]!);
        if (item) items.push(item[1]!);
        else if (/^\s/.test(lines[i]!) && items.length > 0) items[items.length - 1] += ` ${lines[i]!.trim()}`;
        else break;
      }
      blocks.push({ kind: 'list', ordered, items: items.map(parseInline) });
    } else {
      const text = [line.trim()];
      for (i++; i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines[i]!); i++) text.push(lines[i]!.trim());
      blocks.push({ kind: 'paragraph', children: parseInline(text.join(' ')) });
    }
  }
  return blocks;
}

const startsBlock = (line: string) => FENCE.test(line) || HEADING.test(line) || BULLET.test(line) || NUMBERED.test(line) || line.trimStart().startsWith('|');

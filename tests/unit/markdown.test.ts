import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, type Block, type Inline } from '../../src/ui/common/markdown/parse';

const text = (nodes: Inline[]): string => nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : text(n.children))).join('');

describe('the help Markdown subset', () => {
  it('reads strong, emphasis and code, nested, and leaves unmatched marks as text', () => {
    expect(parseInline('a **`time`: seconds** and *save it* `x*y` 2 * 3')).toEqual([
      { kind: 'text', text: 'a ' },
      {
        kind: 'strong',
        children: [
          { kind: 'code', text: 'time' },
          { kind: 'text', text: ': seconds' },
        ],
      },
      { kind: 'text', text: ' and ' },
      { kind: 'em', children: [{ kind: 'text', text: 'save it' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'x*y' },
      { kind: 'text', text: ' 2 * 3' },
    ]);
    expect(parseInline('an `unclosed code and **bold')).toEqual([{ kind: 'text', text: 'an `unclosed code and **bold' }]);
  });

  it('reads headings, paragraphs over several lines, lists with run-on lines, tables and fenced code', () => {
    const blocks = parseMarkdown(
      [
        '# Title',
        '',
        'One',
        'paragraph.',
        '',
        '- first',
        '  and more',
        '- second',
        '',
        '1. one',
        '2. two',
        '',
        '| A | B |',
        '| - | - |',
        '| `a|b` | *c* |',
        '',
        '```csv',
        'x,y',
        '',
        '1,2',
        '```',
        '| not a table',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'table', 'code', 'paragraph']);
    const [heading, para, bullets, numbers, table, code, last] = blocks as [Block, Block, Block, Block, Block, Block, Block];
    expect(heading).toMatchObject({ level: 1, children: [{ text: 'Title' }] });
    expect(para).toMatchObject({ children: [{ text: 'One paragraph.' }] });
    expect(bullets).toMatchObject({ ordered: false, items: [[{ text: 'first and more' }], [{ text: 'second' }]] });
    expect(numbers).toMatchObject({ ordered: true, items: [[{ text: 'one' }], [{ text: 'two' }]] });
    expect(table).toMatchObject({ head: [[{ text: 'A' }], [{ text: 'B' }]], rows: [[[{ kind: 'code', text: 'a|b' }], [{ kind: 'em' }]]] });
    expect(code).toEqual({ kind: 'code', lang: 'csv', text: 'x,y\n\n1,2' });
    expect(last).toMatchObject({ kind: 'paragraph', children: [{ text: '| not a table' }] });
  });

  it('reads the shipped click-log doc with no Markdown left showing', () => {
    const blocks = parseMarkdown(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'click-log.md'), 'utf8'));
    const prose: string[] = [];
    const visit = (nodes: Inline[]) => {
      for (const n of nodes) {
        if (n.kind === 'text') prose.push(n.text);
        else if (n.kind !== 'code') visit(n.children);
      }
    };
    for (const b of blocks) {
      if (b.kind === 'heading' || b.kind === 'paragraph') visit(b.children);
      else if (b.kind === 'list') for (const item of b.items) visit(item);
      else if (b.kind === 'table') for (const cell of [b.head, ...b.rows].flat()) visit(cell);
    }
    expect(prose.filter((t) => /\*\*|`|^\s*[-|#]/.test(t))).toEqual([]);
    expect(blocks.filter((b) => b.kind === 'table')).toHaveLength(5);
    expect(blocks.filter((b) => b.kind === 'code')).toHaveLength(4);
    expect(blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map((b) => text(b.children))).toContain('Columns');
  });
});

// biome-ignore-all lint/suspicious/noArrayIndexKey: a document's parts never move, so their place is their identity.
import type { ComponentChildren } from 'preact';
import { parseMarkdown, type Block, type Inline } from './parse';
import { TableScroll } from './TableScroll';

const inline = (nodes: Inline[]): ComponentChildren =>
  nodes.map((n, i) =>
    n.kind === 'text' ? (
      n.text
    ) : n.kind === 'code' ? (
      <code key={i}>{n.text}</code>
    ) : n.kind === 'strong' ? (
      <strong key={i}>{inline(n.children)}</strong>
    ) : (
      <em key={i}>{inline(n.children)}</em>
    ),
  );

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** A block as elements; a `#` heading becomes an h`base`. */
function block(b: Block, key: number, base: number): ComponentChildren {
  switch (b.kind) {
    case 'heading': {
      const H = HEADINGS[b.level + base - 2] ?? 'h6';
      return <H key={key}>{inline(b.children)}</H>;
    }
    case 'paragraph':
      return <p key={key}>{inline(b.children)}</p>;
    case 'list': {
      const L = b.ordered ? 'ol' : 'ul';
      return (
        <L key={key}>
          {b.items.map((item, i) => (
            <li key={i}>{inline(item)}</li>
          ))}
        </L>
      );
    }
    case 'table':
      return (
        <TableScroll key={key} label={`Table: ${b.head.map((c) => text(c)).join(', ')}`}>
          <table>
            <thead>
              <tr>
                {b.head.map((c, i) => (
                  <th key={i} scope="col">
                    {inline(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i}>{inline(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      );
    case 'code':
      return (
        <pre key={key} class="code">
          <code>{b.text}</code>
        </pre>
      );
  }
}

const text = (nodes: Inline[]): string => nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : text(n.children))).join('');

/** Our own Markdown docs as elements (never as HTML); `headingLevel` is what a `#` becomes. */
export function Markdown({ source, headingLevel = 1 }: { source: string; headingLevel?: number }) {
  return <>{parseMarkdown(source).map((b, i) => block(b, i, headingLevel))}</>;
}

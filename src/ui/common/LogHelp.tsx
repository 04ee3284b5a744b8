import formatDoc from '../../../docs/click-log.md?raw';
import signalsDoc from '../../../docs/signals.md?raw';
import { Markdown } from './markdown/Markdown';
import { TableScroll } from './markdown/TableScroll';

/** The example log that ships with the app (the sample's own), offered for download. */
const EXAMPLE_LOG = 'samples/sample-clicks.csv';

const COLUMNS: Array<[name: string, what: string, example: string]> = [
  ['time', 'When it happened: seconds or minutes:seconds from the start of the recording, or a date and time', '75 or 1:15'],
  ['event', 'What happened: click, add_to_cart or order; pin and unpin when you show and put away a product', 'click'],
  ['product_id', 'Your code for the product, the same on every line about it', 'P-1001'],
  ['product_name', 'Optional: the name for the intro card, captions and post text', 'Glow Serum'],
  ['price', 'Optional: shown on the intro card, as you write it', '24.99'],
];

/**
 * Where a seller gets a click log and what it needs, in plain words, then the full format
 * (docs/click-log.md, shipped inside the app so it is there offline). Loaded when first opened.
 */
export function LogHelp() {
  return (
    <div class="help-body">
      <h2>Where to get a click log</h2>
      <p>A click log lists what viewers did with your products during the LIVE, one line per action, with when it happened. Any of these works:</p>
      <ul>
        <li>
          <strong>Your shop’s analytics</strong>: export the LIVE’s product clicks, add-to-carts and orders as a CSV file.
        </li>
        <li>
          <strong>Your own tools</strong>: the app or plug-in you sell with may save a log of the stream’s events.
        </li>
        <li>
          <strong>A spreadsheet you keep while live</strong>: note the time and product of each showing and each sale, then save it as CSV.
        </li>
      </ul>
      <h3>What it needs</h3>
      <TableScroll label="Click log columns">
        <table>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">What goes in it</th>
              <th scope="col">Example</th>
            </tr>
          </thead>
          <tbody>
            {COLUMNS.map(([name, what, example]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td>{what}</td>
                <td>
                  <code>{example}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>Other columns are ignored, and common other names (such as Timestamp, SKU or Action) are understood.</p>
      <p>
        <a class="btn secondary small" href={EXAMPLE_LOG} download="example-click-log.csv">
          Download an example log
        </a>{' '}
        <span class="muted small">CSV: open it in a spreadsheet to see the layout, or start your own from it.</span>
      </p>
      <h3>No click log? Per-minute analytics or a chat log work too</h3>
      <ul>
        <li>
          <strong>Per-minute analytics</strong> from your LIVE dashboard or an analytics tool: a row per product and minute with <code>minute_start</code>,{' '}
          <code>product_id</code> (or a name) and <code>clicks</code>, <code>add_to_carts</code>, <code>orders</code>. The counts are spread over their minutes
          and ranked like clicks.
        </li>
        <li>
          <strong>A chat/event log</strong> from a LIVE recording tool (NDJSON, JSON or CSV): each event's time and kind (<code>chat</code>, <code>like</code>,{' '}
          <code>gift</code>, <code>social</code>, <code>roomUser</code>, <code>product_pin</code>) and its comment text. Pins make each product's time on show;
          comments naming a product or asking for the link or price, likes, gifts and viewer rises find its moments.
        </li>
      </ul>
      <details class="help-reference">
        <summary>Details: analytics and chat logs, the names they may use</summary>
        <Markdown source={signalsDoc} headingLevel={3} />
      </details>
      <details class="help-reference">
        <summary>Details: every accepted name, time format and message</summary>
        <Markdown source={formatDoc} headingLevel={3} />
      </details>
    </div>
  );
}

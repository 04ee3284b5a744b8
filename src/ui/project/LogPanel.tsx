import { LOG_ACCEPT } from '../../domain/fileKinds';
import type { ClickLog } from '../../domain/clicklog/model';
import type { ImportError } from '../../app/importFlow';
import { DropZone } from '../common/DropZone';
import { ErrorNote } from '../common/ErrorNote';
import { LogFormatHelp } from '../common/LogFormatHelp';
import type { ProductList } from '../../domain/clicklog/productList';
import { ProductListPanel } from './ProductListPanel';

interface Props {
  log: ClickLog | undefined;
  busy: boolean;
  error: ImportError | null;
  warnings: string[];
  onFile: (file: File) => void;
  onDismiss: () => void;
  productList: ProductList | undefined;
  onProductList: (list: ProductList) => void;
  /** The highlights come from the recording's transcript alone. */
  fromSpeech?: boolean;
}

/** The project's click log: what was imported, what was skipped, and a place to replace it. */
export function LogPanel({ log, busy, error, warnings, onFile, onDismiss, productList, onProductList, fromSpeech = false }: Props) {
  return (
    <section class="log-panel" aria-label="Click log">
      {log ? (
        <p class="log-summary" data-testid="log-summary">
          <strong>{log.fileName}</strong> · {log.events.time.length.toLocaleString()} events · {log.products.length} products
          {log.rejectedCount > 0 && ` · ${log.rejectedCount} rows skipped`}
        </p>
      ) : (
        <p class="empty" data-testid="log-empty">
          {fromSpeech
            ? 'No click log: the highlights come from what you say in the recording, where you name each product, say its price and ask viewers to buy. Your product list or the product names typed below make it surer, and so does a click log, chat log or analytics export.'
            : 'No click log? Transcribe the recording (below) and the highlights come from what you say: where you name each product, say its price and ask viewers to buy. Add your product list or type the product names so it knows what to listen for; a click log, chat log or analytics export makes it surer.'}
        </p>
      )}
      {log?.signals && (
        <p class="log-use" data-testid="log-use">
          {log.signals.summary}
        </p>
      )}
      <DropZone
        testId="log-drop"
        onFiles={(files) => files[0] && onFile(files[0])}
        accept={LOG_ACCEPT}
        title={log ? 'Add or replace a log' : 'Drop the click log'}
        hint={
          log
            ? 'A chat log or analytics export goes beside the log you have; one of a kind already here replaces it. CSV, JSON or NDJSON, or your shop’s product list.'
            : "CSV, JSON or NDJSON; or your shop's product list. A log with no usable rows changes nothing."
        }
        buttonLabel={log ? 'Choose another log' : 'Choose a log'}
        disabled={busy}
        compact={log !== undefined}
      />
      <ProductListPanel list={productList} onList={onProductList} />
      <LogFormatHelp />
      {warnings.length > 0 && (
        <div class="note warn" role="status">
          {warnings.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of messages.
            <p key={i}>{w}</p>
          ))}
          {log && log.rejected.length > 0 && <ErrorNote message="Skipped rows" rows={log.rejected} total={log.rejectedCount} />}
        </div>
      )}
      {error && <ErrorNote message={error.message} rows={error.rows} total={error.total} onDismiss={onDismiss} />}
    </section>
  );
}

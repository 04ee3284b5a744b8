/**
 * The simulated log written out as a user's file would be, in four shapes the importer reads:
 * CSV with seconds, CSV with ISO clock times and a stream_start row, a JSON object with epoch
 * milliseconds, and NDJSON with epoch seconds. The bench parses these with the app's parser.
 */
import type { SimStream } from './simulate';

export const LOG_FORMATS = ['csv-seconds', 'csv-clock', 'json-epoch-ms', 'ndjson-epoch-s'] as const;
export type SimLogFormat = (typeof LOG_FORMATS)[number];

/** When every simulated stream went live (clock formats only). */
const START_MS = Date.UTC(2026, 2, 14, 19, 0, 5);

export function writeLog(stream: SimStream, format: SimLogFormat): { text: string; fileName: string } {
  const { products, events } = stream;
  const at = (t: number) => START_MS + Math.round(t * 1000);
  switch (format) {
    case 'csv-seconds': {
      const rows = events.map((e) => {
        const p = products[e.product]!;
        return `${e.time.toFixed(3)},${e.kind},${p.id},${p.name},${p.price}`;
      });
      return { fileName: 'clicks.csv', text: ['time,event,product_id,product_name,price', ...rows].join('\n') };
    }
    case 'csv-clock': {
      const rows = events.map((e) => `${new Date(at(e.time)).toISOString()},${e.kind},${products[e.product]!.id}`);
      return { fileName: 'clicks-clock.csv', text: ['timestamp,event,sku', `${new Date(START_MS).toISOString()},stream_start,`, ...rows].join('\n') };
    }
    case 'json-epoch-ms': {
      const items = events.map((e) => ({ ts: at(e.time), type: e.kind, product_id: products[e.product]!.id, title: products[e.product]!.name }));
      return { fileName: 'clicks.json', text: JSON.stringify({ stream_start: START_MS, events: items }) };
    }
    case 'ndjson-epoch-s': {
      const lines = events.map((e) => JSON.stringify({ event_time: at(e.time) / 1000, action: e.kind, sku: products[e.product]!.id }));
      return { fileName: 'clicks.ndjson', text: [JSON.stringify({ stream_start: new Date(START_MS).toISOString() }), ...lines].join('\n') };
    }
  }
}

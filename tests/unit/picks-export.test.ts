// Issue 19, item 7: the exports say which time a product was shown (its pitch) and which peak,
// two clips of one showing keep apart under their keys, and the two exports are named apart.
import { describe, expect, it } from 'vitest';
import { clipKey } from '../../src/domain/clip/override';
import { DEFAULT_SELECTION } from '../../src/domain/selection/model';
import { picksFileName, picksToCsv, picksToJson } from '../../src/domain/selection/picksExport';
import { selectHighlights } from '../../src/domain/selection/select';
import { LISTING_FILES } from '../../src/domain/shorts/listing';
import { every, pin, selectionInput, type Ev } from './selectionInput';

const select = (events: Ev[], durationSec: number) => selectHighlights(selectionInput(events, durationSec), DEFAULT_SELECTION);
const clicks = (product: number, from: number, to: number, step = 1) => every(product, from, to, step);

/** Product 0 shown twice, the second time weakly (a quarter of the first's clicks a minute). */
const twice = [...pin(0, 0, 300), ...clicks(0, 100, 130, 0.25), ...pin(1, 300, 600), ...clicks(1, 400, 430, 0.5), ...pin(0, 600, 900), ...clicks(0, 700, 730)];

describe('highlight list export', () => {
  it('the exports carry the pitch (which time the product was shown) and the peak', () => {
    const { picks } = select(twice, 900);
    const rows = JSON.parse(picksToJson(picks)) as Array<{ product_id: string; pitch: number; pitches: number; peak: number; start: number }>;
    expect(
      rows
        .filter((r) => r.product_id === 'P0')
        .sort((a, b) => a.start - b.start)
        .map((r) => [r.pitch, r.pitches, r.peak]),
    ).toEqual([
      [1, 2, 1],
      [2, 2, 1],
    ]);
    expect(picksToCsv(picks).split('\n')[0]).toBe('rank,product_id,product_name,pitch,pitches,peak,start,end,duration,score,clicks');
  });

  it('the two exports have names of their own: the project’s highlight list, and the ZIP’s contents', () => {
    expect(picksFileName('Spring Sale #3', 'csv')).toBe('spring-sale-3-highlight-list.csv');
    expect(picksFileName('Spring Sale #3', 'json')).toBe('spring-sale-3-highlight-list.json');
    expect(LISTING_FILES).toEqual({ csv: 'zip-contents.csv', json: 'zip-contents.json' });
  });

  it('two clips in one showing have keys of their own, so a trim of one is not the other’s', () => {
    const events = [...pin(0, 0, 600), ...clicks(0, 0, 600, 10), ...clicks(0, 100, 130, 0.5), ...clicks(0, 400, 430, 0.5)];
    const keys = select(events, 600)
      .picks.sort((a, b) => a.start - b.start)
      .map(clipKey);
    expect(keys).toEqual(['P0#1', 'P0#1.2']);
  });
});

import { describe, expect, it } from 'vitest';
import { autoEdit } from '../../src/domain/edit/model';
import { shortFingerprint } from '../../src/domain/shorts/fingerprint';
import { listingCsv, listingJson, type ListingRow } from '../../src/domain/shorts/listing';
import { estimateShortBytes } from '../../src/domain/shorts/size';

const product = { id: 'P1', name: 'Glow Serum', price: '24.99' };
const range = { start: 30, end: 36 };
const edit = autoEdit({ pick: range, product, hashtags: ['fyp'] });

describe('short fingerprint', () => {
  it('is the same for the same edit, range and product, whatever the key order or where it came from', () => {
    // The same fields, written in reverse order (as a stored copy may hold them).
    const reordered = Object.fromEntries(Object.entries(edit).reverse()) as typeof edit;
    expect(shortFingerprint({ edit: reordered, range, product: { price: '24.99', name: 'Glow Serum', id: 'P1' } })).toBe(
      shortFingerprint({ edit, range, product }),
    );
  });

  it('changes with what the short shows: the edit, the range, the product', () => {
    const base = shortFingerprint({ edit, range, product });
    expect(shortFingerprint({ edit: { ...edit, intro: { ...edit.intro, name: 'Other' } }, range, product })).not.toBe(base);
    expect(shortFingerprint({ edit: { ...edit, stickers: [] }, range, product })).not.toBe(base);
    expect(shortFingerprint({ edit, range: { start: 30, end: 36.5 }, product })).not.toBe(base);
    expect(shortFingerprint({ edit, range, product: { ...product, price: '19.99' } })).not.toBe(base);
    // A picked image of another size counts as another image.
    const withImage = { ...edit, intro: { ...edit.intro, image: new Blob(['a']) } };
    expect(shortFingerprint({ edit: withImage, range, product })).not.toBe(
      shortFingerprint({ edit: { ...edit, intro: { ...edit.intro, image: new Blob(['ab']) } }, range, product }),
    );
  });

  it('ignores the post text, the output size and quality, and float noise under a millisecond', () => {
    const base = shortFingerprint({ edit, range, product });
    expect(shortFingerprint({ edit: { ...edit, post: 'new text', output: 'fast', quality: 'best' }, range, product })).toBe(base);
    expect(shortFingerprint({ edit, range: { start: 30.0000001, end: 36 }, product })).toBe(base);
  });
});

describe('highlights listing', () => {
  const rows: ListingRow[] = [
    {
      file: '1-glow-serum.mp4',
      rank: 1,
      productId: 'P1',
      productName: 'Glow, "Serum"',
      price: '$24.99',
      start: 34.800000000000004,
      end: 40.8,
      score: 12.5,
      engine: 'webcodecs',
      postText: 'Hook\nGlow — $24.99\n\n#fyp',
    },
    { file: '2-mug.mp4', rank: 2, productId: 'P2', productName: '=cmd()', price: '', start: 50, end: 56, score: 7, engine: 'ffmpeg', postText: 'x' },
  ];

  it('JSON: one object per file with times to the millisecond and the duration', () => {
    const parsed = JSON.parse(listingJson(rows)) as Array<Record<string, unknown>>;
    expect(parsed[0]).toEqual({
      file: '1-glow-serum.mp4',
      rank: 1,
      product_id: 'P1',
      product_name: 'Glow, "Serum"',
      price: '$24.99',
      start: 34.8,
      end: 40.8,
      duration: 6,
      score: 12.5,
      engine: 'webcodecs',
      post_text: 'Hook\nGlow — $24.99\n\n#fyp',
    });
    expect(parsed).toHaveLength(2);
  });

  it('CSV: quoted fields keep commas, quotes and newlines; formulas stay text', () => {
    const csv = listingCsv(rows);
    expect(csv.split('\n')[0]).toBe('file,rank,product_id,product_name,price,start,end,duration,score,engine,post_text');
    expect(csv).toContain('"Glow, ""Serum"""');
    expect(csv).toContain('"Hook\nGlow — $24.99\n\n#fyp"');
    expect(csv).toContain(`"'=cmd()"`);
  });
});

describe('short size estimate', () => {
  it('follows the preset bitrates: 6 s at 1080×1920 Balanced is about 6 MB, less at 720×1280 Fast', () => {
    const hd = estimateShortBytes('hd', 'balanced', 6);
    expect(hd).toBeGreaterThan(6_000_000);
    expect(hd).toBeLessThan(7_000_000);
    expect(estimateShortBytes('fast', 'fast', 6)).toBeLessThan(hd / 2);
    expect(estimateShortBytes('hd', undefined, 6)).toBe(hd);
  });
});

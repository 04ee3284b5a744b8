import { describe, expect, it } from 'vitest';
import { cleanHashtag, DEFAULT_HASHTAGS, HOOKS, MAX_NAME_HASHTAGS, nameHashtags, POST_MAX_CHARS, suggestPost } from '../../src/domain/edit/postText';

const defaults = [...DEFAULT_HASHTAGS];

describe('nameHashtags', () => {
  it('lowercase words of ≥3 letters/digits, no filler, numbers only with letters', () => {
    expect(nameHashtags('Glow Serum — Vitamin C, 30ml (2 pack) 500')).toEqual(['glow', 'serum', 'vitamin', '30ml']);
  });
  it('a 2–3 word name also gives the words run together, first', () => {
    expect(nameHashtags('Glow Serum')).toEqual(['glowserum', 'glow', 'serum']);
    expect(nameHashtags('Women’s Linen Shirt')).toEqual(['womenslinenshirt', 'womens', 'linen', 'shirt']);
    expect(nameHashtags('Hat')).toEqual(['hat']);
  });
  it('keeps non-Latin letters and combining marks', () => {
    expect(nameHashtags('Крем для лица')).toEqual(['кремдлялица', 'крем', 'для', 'лица']);
    expect(nameHashtags('保湿 面霜套装')).toEqual(['保湿面霜套装', '面霜套装']);
    expect(nameHashtags('हिन्दी साबुन')).toEqual(['हिन्दीसाबुन', 'हिन्दी', 'साबुन']);
    expect(nameHashtags('Ｇｌｏｗ　ＳＥＲＵＭ')).toEqual(['glowserum', 'glow', 'serum']);
  });
  it('dedupes and caps at 5', () => {
    expect(nameHashtags('serum Serum SERUM')).toEqual(['serumserumserum', 'serum']);
    const many = nameHashtags('alpha bravo charlie delta echo foxtrot golf');
    expect(many).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
    expect(many.length).toBe(MAX_NAME_HASHTAGS);
    expect(nameHashtags('')).toEqual([]);
  });
});

describe('cleanHashtag', () => {
  it('strips #, spaces and punctuation, lowercases', () => {
    expect(cleanHashtag('#TikTok Shop!')).toBe('tiktokshop');
    expect(cleanHashtag('made_in_usa')).toBe('made_in_usa');
    expect(cleanHashtag('###')).toBe('');
  });
});

describe('suggestPost', () => {
  it('hook, name — price, then hashtags from the name and the defaults', () => {
    const post = suggestPost({ productName: 'Glow Serum', price: '$24.99', defaults });
    expect(HOOKS).toContain(post.hook);
    expect(post.body).toBe('Glow Serum — $24.99');
    expect(post.hashtags).toEqual(['glowserum', 'glow', 'serum', 'tiktokshop', 'livehighlights', 'fyp']);
    expect(post.text).toBe(`${post.hook}\nGlow Serum — $24.99\n\n#glowserum #glow #serum #tiktokshop #livehighlights #fyp`);
  });
  it('is deterministic per product name, and variant picks another hook', () => {
    const a = suggestPost({ productName: 'Glow Serum', defaults });
    expect(suggestPost({ productName: 'Glow Serum', defaults }).hook).toBe(a.hook);
    expect(suggestPost({ productName: '  glow   serum ', defaults }).hook).toBe(a.hook);
    expect(suggestPost({ productName: 'Glow Serum', defaults, variant: 1 }).hook).not.toBe(a.hook);
    const hooks = new Set(
      ['Hat', 'Linen Shirt', 'Glow Serum', 'Phone Case', 'Desk Lamp', 'Tote Bag', 'Sneakers', 'Mug'].map((n) => suggestPost({ productName: n, defaults }).hook),
    );
    expect(hooks.size).toBeGreaterThan(1);
  });
  it('cleans and dedupes the user defaults, without a price', () => {
    const post = suggestPost({ productName: 'Serum', defaults: ['#Serum', 'FYP', ' fyp ', '', '#'] });
    expect(post.hashtags).toEqual(['serum', 'fyp']);
    expect(post.body).toBe('Serum');
    expect(post.text.endsWith('\n\n#serum #fyp')).toBe(true);
  });
  it('no hashtags at all → no trailing blank lines', () => {
    expect(suggestPost({ productName: 'TV', defaults: [] }).text).toMatch(/\nTV$/);
  });
  it('stays within TikTok’s 2200 characters', () => {
    const tags = Array.from({ length: 400 }, (_, i) => `tag${i}`);
    const long = suggestPost({ productName: 'Serum', defaults: tags });
    expect(long.text.length).toBeLessThanOrEqual(POST_MAX_CHARS);
    expect(long.hashtags.length).toBeGreaterThan(10);
    expect(long.hashtags[0]).toBe('serum');

    const huge = suggestPost({ productName: `${'😀 '.repeat(1500)}end`, price: '$1', defaults });
    expect(huge.text.length).toBeLessThanOrEqual(POST_MAX_CHARS);
    expect(huge.body.endsWith('…')).toBe(true);
    expect(huge.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no broken surrogate pair
  });
});

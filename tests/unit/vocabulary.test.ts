// Issue 19 item 6: product names and prices in captions as the seller spells them.
import { describe, expect, it } from 'vitest';
import { productVocabulary, skeleton, spellCues, spellWithVocabulary } from '../../src/domain/speech/vocabulary';

const vocab = productVocabulary([
  { name: 'Velora Glow Serum', price: '$45' },
  { name: 'Mini Blender', price: '$24.99' },
  { name: 'Red Mug', price: '12.50' },
  { name: 'Kairo 3-in-1 Hair Dryer', price: '89' },
]);
const spell = (text: string) => spellWithVocabulary(text, vocab);

describe('product names in recognised speech', () => {
  it('keeps the consonants of a name and drops vowels, doubled letters and silent letters', () => {
    expect(skeleton('Velora Glow Serum')).toBe('vlrglsrm');
    expect(skeleton('Valar Igloe seren')).toBe('vlrglsrn');
    expect(skeleton('Phone Case')).toBe(skeleton('fone kase'));
  });

  it('writes a misheard name as the product list spells it, keeping the words and punctuation around it', () => {
    expect(spell('This is the Valar Igloe seren, for you.')).toBe('This is the Velora Glow Serum, for you.');
    expect(spell('grab the glow serum now')).toBe('grab the Glow Serum now');
    expect(spell('the mini blender is here')).toBe('the Mini Blender is here');
    expect(spell('my favourite is the red mug!')).toBe('my favourite is the Red Mug!');
  });

  it('a whole name heard a little off wins over a part of it heard exactly', () => {
    expect(spell('Velora glow seren')).toBe('Velora Glow Serum');
  });

  it('leaves ordinary speech alone', () => {
    for (const text of [
      'I read my messages every morning',
      'we also sell glowing skin care',
      'I love this colour and the velvet',
      'hello everyone welcome back to the stream',
      'so many of you asked about shipping',
      'the hair is so soft after this',
    ])
      expect(spell(text)).toBe(text);
  });
});

describe('prices in recognised speech', () => {
  it('writes spoken prices as figures', () => {
    expect(spell('only forty five dollars today')).toBe('only $45 today');
    expect(spell('it is twenty four ninety nine dollars')).toBe('it is $24.99');
    expect(spell('just twelve dollars and fifty cents')).toBe('just $12.50');
    expect(spell('It costs 89 dollars.')).toBe('It costs $89.');
    expect(spell('two hundred bucks for the set')).toBe('$200 for the set');
    expect(spell('one hundred twenty five dollars')).toBe('$125');
  });

  it('a price one digit off a product’s price is that price; other numbers stay', () => {
    expect(spell('get it for $445 today')).toBe('get it for $45 today');
    expect(spell('this one is $24.90')).toBe('this one is $24.99');
    expect(spell('we had $1000 in sales')).toBe('we had $1000 in sales');
    expect(spell('there are forty five of you here')).toBe('there are forty five of you here');
  });

  it('a known price said without "dollars" is that price; two other numbers in a row stay words', () => {
    expect(spell('today only twenty four ninety nine')).toBe('today only $24.99');
    expect(spell('we have twenty five thirty people here')).toBe('we have twenty five thirty people here');
  });
});

describe('stored caption lines', () => {
  it('are spelled line by line, their line breaks kept', () => {
    expect(spellCues([{ start: 0, end: 2, text: 'this is the valar igloe seren\nfor forty five dollars' }], vocab)).toEqual([
      { start: 0, end: 2, text: 'this is the Velora Glow Serum\nfor $45' },
    ]);
  });
});

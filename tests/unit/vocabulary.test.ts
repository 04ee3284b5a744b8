// Issue 19 item 6: product names and prices in captions as the seller spells them.
import { describe, expect, it } from 'vitest';
import { productHints, productVocabulary, skeleton, spellWithVocabulary, spokenForm } from '../../src/domain/speech/vocabulary';

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

  it('a known price heard as a bare figure or as dollars and cents figures is written as the price', () => {
    expect(spell('today only 24.99, and 3.50 for shipping')).toBe('today only $24.99, and 3.50 for shipping');
    expect(spell('just $24 and 99 cents')).toBe('just $24.99');
  });

  it('a known price said without "dollars" is that price; two other numbers in a row stay words', () => {
    expect(spell('today only twenty four ninety nine')).toBe('today only $24.99');
    expect(spell('we have twenty five thirty people here')).toBe('we have twenty five thirty people here');
  });
});

describe('names with numbers and units', () => {
  const units = productVocabulary([
    { name: 'Nuvori Hydra Cream 50 ml', price: '$32' },
    { name: 'Auralis Lip Tint 2-Pack', price: '$12.50' },
    { name: 'Kaimi Bamboo Hoodie XL', price: '$45' },
  ]);

  it('are compared as they are said', () => {
    expect(spokenForm('Hydra Cream 50ml 2-Pack')).toBe('Hydra Cream fifty millilitres two Pack');
    expect(spokenForm('Kairo 3-in-1 Dryer, 1.5 l')).toBe('Kairo three in one Dryer, one point five litres');
    expect(spokenForm('a 250 g jar for 1200 people')).toBe('a two hundred fifty grams jar for one thousand two hundred people');
  });

  it('are written whole, digits and units included, however the recogniser wrote them', () => {
    expect(spellWithVocabulary('the new vory hydra cream fifty milliliters is back', units)).toBe('the Nuvori Hydra Cream 50 ml is back');
    expect(spellWithVocabulary('Nuvori Hydra Cream, 50ml.', units)).toBe('Nuvori Hydra Cream 50 ml.');
    expect(spellWithVocabulary('the oralis lip tint two pack', units)).toBe('the Auralis Lip Tint 2-Pack');
    expect(spellWithVocabulary('kaimi bamboo hoodie x l', units)).toBe('Kaimi Bamboo Hoodie XL');
  });

  it('a word that is an object property name ("constructor") is an ordinary word, not a unit', () => {
    expect(productVocabulary([{ name: 'Constructor Toolbox' }]).phrases.map((p) => p.text)).toContain('Constructor');
  });

  it('never take a number or a unit alone for the product', () => {
    expect(spellWithVocabulary('fifty people and two pack lunches', units)).toBe('fifty people and two pack lunches');
  });
});

describe('hints for the recogniser', () => {
  it('are each name and its distinctive parts, each product once, and no prices', () => {
    const hints = productHints([
      { name: 'Velora Glow Serum', price: '$24.99' },
      { name: 'velora glow serum', price: '$24.99' },
    ]);
    expect(hints.names).toEqual(expect.arrayContaining(['Velora Glow Serum', 'Velora Glow', 'Glow Serum']));
    expect(hints.names).not.toContain('Glow');
    expect(hints.names.filter((h) => h === 'Velora Glow Serum')).toHaveLength(1);
    expect(hints.names.join(' ')).not.toContain('24.99');
  });

  it('leave out a catalogue past its first 40 products', () => {
    const catalogue = Array.from({ length: 100 }, (_, i) => ({ name: `Product Number ${i + 1}`, price: `$${i + 1}` }));
    const hints = productHints(catalogue);
    expect(hints.names).toContain('Product Number 40');
    expect(hints.names).not.toContain('Product Number 41');
  });
});

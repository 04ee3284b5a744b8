import { describe, expect, it } from 'vitest';
import { type DecodeStep, decodeBiased, looping, Phrases } from '../../src/speech/biasing';

const START = 1;
const END = 2;
/** A small vocabulary: pieces as the tokenizer writes them. */
const PIECES = ['▁the', '▁melon', '▁Vel', 'ora', '▁V', 'el', '▁Glow', '▁$', '4', '5', '▁', '▁G', 'low', '▁for', '▁Ser', 'um'];
const ID = new Map(PIECES.map((p, i) => [p, i + 3]));
const VOCAB = PIECES.length + 3;
const id = (piece: string) => ID.get(piece)!;
const text = (tokens: number[]) => tokens.map((t) => PIECES[t - 3]).join('');

/**
 * A fake recogniser: its logits depend only on the text decoded so far (the state), as a table of
 * "after this text, these pieces score so"; unlisted pieces score -20, unlisted histories end.
 */
function model(table: Record<string, Record<string, number>>) {
  let steps = 0;
  const step: DecodeStep<number[]> = async (state, token) => {
    steps++;
    const history = token === START ? [] : [...state, token];
    const logits = new Float32Array(VOCAB).fill(-20);
    for (const [piece, score] of Object.entries(table[text(history)] ?? { END: 0 })) logits[piece === 'END' ? END : id(piece)] = score;
    return { logits, state: history };
  };
  return { step, steps: () => steps };
}

async function decode(table: Record<string, Record<string, number>>, hints?: string[], maxTokens = 20) {
  const m = model(table);
  const phrases = hints && new Phrases(hints, ID);
  const tokens = await decodeBiased(m.step, [], { startToken: START, endToken: END, maxTokens }, phrases, { start: 3, next: 5 });
  return { text: text(tokens), steps: m.steps() };
}

describe('decoding biased towards phrases', () => {
  // The model's best guess is "melon"; the name "Velora" is its close second.
  const heard = {
    '': { '▁melon': 0, '▁Vel': -2, '▁V': -2.5 },
    '▁melon': { END: 0 },
    '▁Vel': { ora: -3, el: 0 },
    '▁Velora': { END: 0 },
  };

  it('without phrases is plain greedy decoding', async () => {
    expect((await decode(heard)).text).toBe('▁melon');
  });

  it('takes a phrase the audio allows: every token within the bonus of the best', async () => {
    expect((await decode(heard, ['Velora'])).text).toBe('▁Velora');
  });

  it('follows a phrase however the model cuts it into tokens', async () => {
    const cut = { '': { '▁melon': 0, '▁V': -1 }, '▁V': { el: -1, '▁melon': 0 }, '▁Vel': { ora: -2, '▁melon': 0 } };
    expect((await decode(cut, ['Velora'])).text).toBe('▁Velora');
  });

  it('never starts a phrase the model is sure is not there', async () => {
    const sure = { ...heard, '': { '▁melon': 0, '▁Vel': -6 } };
    expect((await decode(sure, ['Velora'])).text).toBe('▁melon');
  });

  it('goes back to where a phrase began when the model leaves it, and decodes that place unbiased', async () => {
    // After "▁Vel" the phrase wants "ora", which the model puts 9 below its best: the phrase is dropped.
    const { text: said, steps } = await decode({ ...heard, '▁Vel': { ora: -9, el: 0 } }, ['Velora']);
    expect(said).toBe('▁melon');
    // Start, "▁Vel" (given up), then "▁melon" again.
    expect(steps).toBe(3);
  });

  it('keeps a shorter phrase when a longer one it begins is left', async () => {
    const table = {
      '': { '▁Glow': -1, '▁melon': 0 },
      '▁Glow': { '▁Ser': -9, '▁for': 0 },
      '▁Glow▁for': { '▁$': 0 },
      '▁Glow▁for▁$': { 4: 0 },
      '▁Glow▁for▁$4': { 5: 0 },
    };
    expect((await decode(table, ['Glow', 'Glow Serum'])).text).toBe('▁Glow▁for▁$45');
  });

  it('goes back to the end of a shorter phrase when the longer one is left after it', async () => {
    const table = { '': { '▁Glow': -1, '▁melon': 0 }, '▁Glow': { '▁Ser': -4, '▁for': 0 }, '▁Glow▁Ser': { um: -9, '▁for': 0 }, '▁Glow▁for': { END: 0 } };
    expect((await decode(table, ['Glow', 'Glow Serum'])).text).toBe('▁Glow▁for');
  });

  it('can begin a phrase right after another ends', async () => {
    const table = {
      '': { '▁Glow': -1, '▁melon': 0 },
      '▁Glow': { '▁$': -2, '▁for': 0 },
      '▁Glow▁$': { 4: 0 },
      '▁Glow▁$4': { 5: -1, 4: 0 },
      '▁Glow▁$45': { END: 0 },
    };
    expect((await decode(table, ['Glow', '$45'])).text).toBe('▁Glow▁$45');
  });

  it('does not put a name in place of "the" before it', async () => {
    const table = { '': { '▁for': 0 }, '▁for': { '▁the': 0, '▁Glow': -1 }, '▁for▁the': { '▁Glow': 0 }, '▁for▁the▁Glow': { END: 0 }, '▁for▁Glow': { END: 0 } };
    expect((await decode(table, ['Glow'])).text).toBe('▁for▁the▁Glow');
  });

  it('does not begin a phrase with a lone word-start mark', async () => {
    const table = { '': { '▁melon': 0, '▁': -1 }, '▁melon': { END: 0 } };
    expect((await decode(table, ['45'])).text).toBe('▁melon');
  });

  it('decodes again unbiased when the bias leaves the decoder in a loop', async () => {
    const table: Record<string, Record<string, number>> = { '': { '▁melon': 0, '▁$': -1 }, '▁melon': { END: 0 } };
    let said = '▁$';
    for (let i = 0; i < 12; i++) {
      table[said] = { 4: 0 };
      table[`${said}4`] = { 5: 0 };
      table[`${said}45`] = { '▁$': 0 };
      said += '45▁$';
    }
    expect((await decode(table, ['$45'], 30)).text).toBe('▁melon');
  });

  it('does not decode past the token limit', async () => {
    const loop = { '': { '▁the': 0 }, '▁the': { '▁the': 0 }, '▁the▁the': { '▁the': 0 }, '▁the▁the▁the': { '▁the': 0 } };
    expect((await decode(loop, undefined, 3)).text).toBe('▁the▁the▁the');
  });
});

describe('a decoder loop', () => {
  it('is a run of up to 12 tokens four times in a row', () => {
    expect(looping([9, 4, 5, 4, 5, 4, 5, 4, 5])).toBe(true);
    expect(looping([0, 0, 0, 0])).toBe(true);
    const dollars = [30, 4, 5, 11, 0, 0, 0, 11];
    expect(looping([7, ...dollars, ...dollars, ...dollars, ...dollars])).toBe(true);
    expect(looping([7, ...dollars, ...dollars, ...dollars, 8])).toBe(false);
    expect(looping([4, 5, 4, 5, 4, 5, 9])).toBe(false);
  });
});

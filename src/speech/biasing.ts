/**
 * Greedy decoding biased towards known phrases (the seller's product names), with
 * backtracking. A small recogniser hears a brand it has never seen as ordinary words ("Velora Glow
 * Serum" → "the melon and low serum"); its second or third guess is often the name. So a token that
 * starts a phrase gets a bonus, and so does each token that continues one already begun, however
 * the model cuts the phrase into tokens ("▁K|a|imi" or "▁Ka|imi"). A phrase is kept only if every
 * token of it stays within the bonus of the model's best: when the model leaves it before its end,
 * decoding goes back to where it began (or to where a shorter phrase ended) and goes on there
 * without the bias. So a phrase is never written half, and what the model is sure of is never
 * rewritten. A biased decoding that falls into a loop ("$45,000, $45,000, …") is done again unbiased.
 * Pure: the model's step and vocabulary are passed in (src/speech/moonshine.ts).
 */

/** Bonuses in nats (added to the logits, so to the log-probabilities). */
export interface BiasWeights {
  /** For a token that starts a phrase. */
  start: number;
  /** For a token that continues the phrase begun. */
  next: number;
}

/** For product names, measured on the captions bench and on speech naming none of them (docs/captions.md). */
export const NAME_WEIGHTS: BiasWeights = { start: 4.5, next: 6 };

const LOOP_TIMES = 4;
/** The tokenizer's word-start mark (SentencePiece). */
const SPACE = '▁';
/** Words a name follows: where the model's best guess is one of them, no name starts (it would drop the word: "for Mini Blender"). */
const LEAD_INS = ['the', 'a', 'an', 'this', 'that', 'these', 'our', 'my', 'your', 'its']
  .flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)])
  .map((w) => SPACE + w);
/** Longer pieces are not looked for inside a phrase. */
const MAX_PIECE = 16;

/** Where a phrase is: which one and how many of its characters are written. */
interface State {
  phrase: number;
  offset: number;
}

/** Phrases as the tokenizer writes them, and the tokens that go on from any point in each. */
export class Phrases {
  readonly #texts: string[];
  readonly #pieces: ReadonlyMap<string, number>;
  /** Per phrase, per offset: token → offset after it. */
  readonly #steps: Map<number, number>[][];
  /** Tokens that start a phrase, with where they leave it. */
  readonly starts: ReadonlyMap<number, State[]>;
  /** Tokens of LEAD_INS. */
  readonly leadIns: ReadonlySet<number>;

  /** `pieces`: the vocabulary, piece → token id. */
  constructor(texts: readonly string[], pieces: ReadonlyMap<string, number>) {
    this.#texts = [...new Set(texts.filter((t) => t.trim()).map((t) => SPACE + t.trim().replace(/\s+/g, SPACE)))];
    this.#pieces = pieces;
    this.#steps = this.#texts.map((text) => Array.from({ length: text.length }, (_, offset) => this.#stepsAt(text, offset)));
    // A lone word-start mark begins every phrase: it is no sign of any.
    this.starts = this.next(
      this.#texts.map((_, phrase) => ({ phrase, offset: 0 })),
      (piece) => piece !== SPACE,
    );
    this.leadIns = new Set(LEAD_INS.flatMap((w) => pieces.get(w) ?? []));
  }

  #stepsAt(text: string, offset: number): Map<number, number> {
    const steps = new Map<number, number>();
    for (let end = offset + 1; end <= Math.min(text.length, offset + MAX_PIECE); end++) {
      const id = this.#pieces.get(text.slice(offset, end));
      if (id !== undefined) steps.set(id, end);
    }
    return steps;
  }

  /** Tokens that go on from `states`, each with the states it leads to. */
  next(states: readonly State[], keep: (piece: string) => boolean = () => true): Map<number, State[]> {
    const out = new Map<number, State[]>();
    for (const { phrase, offset } of states) {
      const text = this.#texts[phrase]!;
      for (const [id, end] of this.#steps[phrase]![offset] ?? []) {
        if (!keep(text.slice(offset, end))) continue;
        const list = out.get(id) ?? [];
        list.push({ phrase, offset: end });
        out.set(id, list);
      }
    }
    return out;
  }

  complete(state: State): boolean {
    return state.offset === this.#texts[state.phrase]!.length;
  }
}

/** One decoder step: feed `token` after `state`, get the next token's logits and the new state. */
export type DecodeStep<S> = (state: S, token: number) => Promise<{ logits: Float32Array; state: S }>;

interface Position<S> {
  logits: Float32Array;
  state: S;
  /** Tokens decoded before this position. */
  length: number;
}

const best = (logits: Float32Array, bonus: ReadonlyMap<number, unknown>, weight: number): number => {
  let top = -1;
  let topScore = -Infinity;
  for (let i = 0; i < logits.length; i++) {
    const score = logits[i]! + (bonus.has(i) ? weight : 0);
    if (score > topScore) {
      topScore = score;
      top = i;
    }
  }
  return top;
};

/** The same run of up to 12 tokens four times in a row ("$45,000, $45,000, …"): the decoder is stuck. */
export function looping(tokens: readonly number[]): boolean {
  for (let n = 1; n <= 12; n++)
    for (let i = 0; i + LOOP_TIMES * n <= tokens.length; i++) {
      let times = 1;
      while (times < LOOP_TIMES && tokens.slice(i, i + n).every((t, k) => tokens[i + times * n + k] === t)) times++;
      if (times === LOOP_TIMES) return true;
    }
  return false;
}

interface Ends {
  startToken: number;
  endToken: number;
  maxTokens: number;
}

/** The phrase being written: where it began, where its states are, where a phrase last ended in it. */
interface Writing<S> {
  from: Position<S>;
  states: State[];
  endsAt?: number;
  ended?: Position<S>;
}

/** The phrase once `states` are reached by a token after `at`: none when every one is complete. */
function track<S>(phrase: Writing<S> | undefined, at: Position<S>, states: State[], phrases: Phrases): Writing<S> | undefined {
  const writing = phrase ?? { from: at, states };
  writing.states = states;
  if (states.some((s) => phrases.complete(s))) writing.endsAt = at.length + 1;
  return states.every((s) => phrases.complete(s)) ? undefined : writing;
}

const NO_BONUS = new Map<number, State[]>();
/** The tokens a phrase may start with here: none where the model would write a lead-in word. */
const startsAt = (logits: Float32Array, phrases: Phrases) =>
  phrases.starts.size === 0 || phrases.leadIns.has(best(logits, NO_BONUS, 0)) ? undefined : phrases.starts;

async function decode<S>(step: DecodeStep<S>, initial: S, ends: Ends, phrases: Phrases, weights: BiasWeights): Promise<number[]> {
  const tokens: number[] = [];
  let at: Position<S> = { ...(await step(initial, ends.startToken)), length: 0 };
  let phrase: Writing<S> | undefined;
  // After a phrase is given up, the place it began is decoded once without any bias.
  let unbiasedAt = -1;
  while (tokens.length < ends.maxTokens) {
    const nexts = at.length === unbiasedAt ? undefined : phrase ? phrases.next(phrase.states) : startsAt(at.logits, phrases);
    const token = best(at.logits, nexts ?? NO_BONUS, phrase ? weights.next : weights.start);
    const states = nexts?.get(token);
    if (phrase && !states) {
      const back = phrase.ended ?? phrase.from;
      phrase = undefined;
      // Left at the end of a phrase: this place may begin another.
      if (back.length === tokens.length) continue;
      // Else back to the end of the last whole phrase, or to where it began.
      at = back;
      tokens.length = at.length;
      unbiasedAt = at.length;
      continue;
    }
    if (states) phrase = track(phrase, at, states, phrases);
    if (token === ends.endToken) break;
    tokens.push(token);
    at = { ...(await step(at.state, token)), length: tokens.length };
    if (phrase?.endsAt === tokens.length) phrase.ended = at;
  }
  return tokens;
}

/**
 * Tokens after `startToken` up to `endToken` (not included) or `maxTokens`. Each step runs the model
 * once; a phrase the model leaves costs the steps taken inside it again, a loop the whole decoding.
 */
export async function decodeBiased<S>(
  step: DecodeStep<S>,
  initial: S,
  ends: Ends,
  phrases: Phrases | undefined,
  weights: BiasWeights = NAME_WEIGHTS,
): Promise<number[]> {
  const none = new Phrases([], new Map());
  const tokens = await decode(step, initial, ends, phrases ?? none, weights);
  return phrases && looping(tokens) ? decode(step, initial, ends, none, weights) : tokens;
}

/**
 * Moonshine (tiny, quantized ONNX) with onnxruntime-web: encoder once per utterance, then greedy
 * decoding with a key/value cache, biased towards the hints (product names: ./biasing.ts). Facts
 * from moonshine-js (MIT) src/model.ts: tiny has 6 layers, 8 KV heads, head dim 36; start token 1,
 * end token 2; at most 6 tokens per second of audio.
 * Runs in a worker: onnxruntime's wasm is loaded from our own origin, one thread, no proxy worker.
 */
import llamaTokenizer from 'llama-tokenizer-js';
import * as ort from 'onnxruntime-web/wasm';
import { MOONSHINE_TINY_DIR } from './assets';
import type { SpeechHints } from '../domain/speech/vocabulary';
import { decodeBiased, type DecodeStep, Phrases } from './biasing';
import { configureRuntime, fetchModel } from './runtime';
import { SPEECH_RATE, type SpeechModel } from './model';

const LAYERS = 6;
const KV_HEADS = 8;
const HEAD_DIM = 36;
const START_TOKEN = 1;
const END_TOKEN = 2;
const TOKENS_PER_SEC = 6;

/** The start token doubles as the tokenizer's BOS, which decode() drops. */
const text = (tokens: readonly number[]) => llamaTokenizer.decode([START_TOKEN, ...tokens]).trim();

interface Cache {
  past: Record<string, ort.Tensor>;
  first: boolean;
}

export class MoonshineTiny implements SpeechModel {
  readonly id = 'moonshine-tiny';
  readonly language = 'en';
  #encoder: ort.InferenceSession | undefined;
  #decoder: ort.InferenceSession | undefined;
  #hints: { key: string; phrases: Phrases } | undefined;

  /** `base`: the app's root URL (the model files are under it). */
  constructor(private readonly base: string) {}

  async load(): Promise<void> {
    if (this.#encoder && this.#decoder) return;
    configureRuntime(this.base);
    const options: ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'] };
    const dir = new URL(MOONSHINE_TINY_DIR, this.base).href;
    this.#encoder = await ort.InferenceSession.create(await fetchModel(`${dir}encoder_model.onnx`), options);
    this.#decoder = await ort.InferenceSession.create(await fetchModel(`${dir}decoder_model_merged.onnx`), options);
  }

  /** The hints as phrases to decode towards, made once for a clip's hints (its requests send the same). */
  #phrases(hints: SpeechHints | undefined): Phrases | undefined {
    if (!hints || hints.names.length === 0) return undefined;
    const key = JSON.stringify(hints);
    if (this.#hints?.key !== key)
      this.#hints = {
        key,
        phrases: new Phrases(hints.names, llamaTokenizer.vocabByString),
      };
    return this.#hints.phrases;
  }

  async transcribe(pcm16k: Float32Array, hints?: SpeechHints): Promise<string> {
    const encoder = this.#encoder;
    const decoder = this.#decoder;
    if (!encoder || !decoder) throw new Error('The speech model is not loaded.');
    const maxTokens = Math.trunc((pcm16k.length / SPEECH_RATE) * TOKENS_PER_SEC);
    if (maxTokens < 1) return '';
    const encoded = await encoder.run({ input_values: new ort.Tensor('float32', pcm16k, [1, pcm16k.length]) });
    const hidden = encoded.last_hidden_state;
    if (!hidden) throw new Error('The speech encoder returned no hidden state.');

    // The first step ignores the cache (use_cache_branch false) but still needs its inputs.
    const empty: Record<string, ort.Tensor> = {};
    for (let i = 0; i < LAYERS; i++)
      for (const part of ['decoder', 'encoder'])
        for (const kind of ['key', 'value'])
          empty[`past_key_values.${i}.${part}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [0, KV_HEADS, 1, HEAD_DIM]);

    // A state is the cache after some tokens; outputs are new tensors, so a kept state stays valid.
    const step: DecodeStep<Cache> = async ({ past, first }, token) => {
      const out = await decoder.run({
        input_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(token)), [1, 1]),
        encoder_hidden_states: hidden,
        use_cache_branch: new ort.Tensor('bool', [!first], [1]),
        ...past,
      });
      const logits = out.logits;
      if (!logits) throw new Error('The speech decoder returned no logits.');
      const data = logits.data as Float32Array;
      const vocab = logits.dims[logits.dims.length - 1] ?? data.length;
      // The self-attention cache grows every step; the cross-attention one is made once, on the first.
      const next = { ...past };
      for (const [name, tensor] of Object.entries(out))
        if (name.startsWith('present.') && (first || !name.includes('.encoder.'))) next[`past_key_values.${name.slice('present.'.length)}`] = tensor;
      return { logits: data.subarray(data.length - vocab), state: { past: next, first: false } };
    };
    const initial = { past: empty, first: true };
    const ends = { startToken: START_TOKEN, endToken: END_TOKEN, maxTokens };
    return text(await decodeBiased(step, initial, ends, this.#phrases(hints)));
  }
}

/**
 * A stored edit follows its clip when the user trims it or links another product.
 *
 * An edit remembers the clip it was made for (`madeFor`). Against a clip whose range or product
 * differ, each part of the edit that the user left as the auto-edit made it is made again for the
 * new clip; what the user changed is kept and moved along:
 * - the intro card always shows the linked product's name and price (linking one says so);
 * - captions, post text and the intro's length: the new auto-edit's when untouched; otherwise
 *   cues keep their moment in the recording (cut to the new range) and texts have the old
 *   product's name and price replaced by the new ones;
 * - stickers and texts keep their moment in the recording; one that spanned the whole clip spans
 *   the whole new clip; one left entirely outside the new range is dropped; crop pins keep theirs;
 * - layouts, styles, reframe, music and output are the user's and stay.
 */
import { sameProduct } from '../clip/product';
import { shiftPins } from './cropPath';
import type { ClipFacts } from '../clip/override';
import type { Cue } from './captions';
import { autoEdit, type AutoEditInput, type ClipEdit } from './model';

/** What an auto-edit is made from besides the clip. */
export type EditContext = Omit<AutoEditInput, 'pick' | 'product'>;

const EPS = 1e-6;
/** Shortest piece of a cue or sticker kept after a trim cuts it. */
const MIN_PIECE_SEC = 0.2;

export const sameFacts = (a: ClipFacts, b: ClipFacts) =>
  Math.abs(a.start - b.start) < EPS && Math.abs(a.end - b.end) < EPS && sameProduct(a.product, b.product);

const sameCues = (a: readonly Cue[], b: readonly Cue[]) =>
  a.length === b.length && a.every((c, i) => c.start === b[i]?.start && c.end === b[i]?.end && c.text === b[i]?.text);

const ms = (t: number) => Math.round(t * 1000) / 1000;

/** `edit` made over for `now`. `assumed`: what an edit without `madeFor` (saved before trims existed) was made for. */
export function followClip(edit: ClipEdit, now: ClipFacts, ctx: EditContext, assumed: ClipFacts): ClipEdit {
  const before = edit.madeFor ?? assumed;
  // Only the facts are kept with the edit, not whatever else the caller's clip object carries.
  const madeFor: ClipFacts = { start: now.start, end: now.end, product: now.product };
  if (sameFacts(before, now)) return edit.madeFor ? edit : { ...edit, madeFor };
  const old = autoEdit({ ...ctx, pick: before, product: before.product });
  const fresh = autoEdit({ ...ctx, pick: now, product: now.product });
  const relinked = !sameProduct(before.product, now.product);
  const rename = (text: string) => (relinked ? replaceProduct(text, old.intro, fresh.intro) : text);
  const shift = now.start - before.start;
  const oldSec = before.end - before.start;
  const sec = now.end - now.start;
  /** [from, to) in the old clip's time → the new clip's, or null when nothing of it is left. */
  const retime = (from: number, to: number): [number, number] | null => {
    if (from <= EPS && to >= oldSec - EPS) return [0, ms(sec)];
    const f = Math.max(0, from - shift);
    const t = Math.min(sec, to - shift);
    return t - f >= MIN_PIECE_SEC ? [ms(f), ms(t)] : null;
  };
  const untouchedCues = sameCues(edit.captions.cues, old.captions.cues);
  return {
    ...edit,
    intro: {
      ...edit.intro,
      ...(relinked && { name: fresh.intro.name, price: fresh.intro.price }),
      durationSec: edit.intro.durationSec === old.intro.durationSec ? fresh.intro.durationSec : Math.min(edit.intro.durationSec, sec / 2),
    },
    captions: untouchedCues
      ? { ...edit.captions, fromTranscript: fresh.captions.fromTranscript, cues: fresh.captions.cues }
      : { ...edit.captions, cues: edit.captions.cues.flatMap((c) => retimed(c, retime, rename)) },
    stickers: edit.stickers.flatMap((s) => retimed(s, retime)),
    ...(edit.texts && { texts: edit.texts.flatMap((t) => retimed(t, retime, rename)) }),
    // Pins keep their moment in the recording; one outside the clip still shapes the path into it.
    ...(edit.cropPins && { cropPins: shiftPins(edit.cropPins, -shift) }),
    post: edit.post === old.post ? fresh.post : rename(edit.post),
    madeFor,
  };
}

type Timed = { from: number; to: number } | { start: number; end: number };

/** One timed element moved to the new clip's time (and its text renamed), or none when it fell outside. */
function retimed<T extends Timed & { text?: string }>(
  item: T,
  retime: (from: number, to: number) => [number, number] | null,
  rename?: (text: string) => string,
): T[] {
  const span = 'from' in item ? retime(item.from, item.to) : retime(item.start, item.end);
  if (!span) return [];
  const times = 'from' in item ? { from: span[0], to: span[1] } : { start: span[0], end: span[1] };
  return [{ ...item, ...times, ...(rename && item.text !== undefined && { text: rename(item.text) }) }];
}

/** The old product's name and price, wherever the user's text has them, become the new product's. */
function replaceProduct(text: string, from: ClipEdit['intro'], to: ClipEdit['intro']): string {
  let out = from.name === '' ? text : text.split(from.name).join(to.name);
  if (from.price !== '' && from.price !== to.price) out = out.split(from.price).join(to.price);
  return out;
}

// Issue 18: edit commands are named and pure, each with its undo policy; the clip-edit store runs them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipEditStore, type ClipEditStorage } from '../../src/app/stores/clipEditStore';
import {
  addSticker,
  addText,
  applyCaptionLook,
  NEW_STICKER_LAYOUT,
  placeElement,
  removeElement,
  removeCropPin,
  removeText,
  setCropX,
  setIntro,
  setVideo,
  typePost,
  typePrice,
  updateText,
} from '../../src/domain/edit/commands';
import { autoEdit, type ClipEdit, type TextEdit } from '../../src/domain/edit/model';
import { DEFAULT_HASHTAGS } from '../../src/domain/edit/postText';

const auto = (): ClipEdit => autoEdit({ pick: { start: 0, end: 20 }, product: { id: 'P1', name: 'Mug', price: '9.00' }, hashtags: DEFAULT_HASHTAGS });
const text: TextEdit = {
  key: 't1',
  text: 'Hi',
  size: 80,
  color: '#ffffff',
  font: 'inter',
  style: 'outline',
  from: 0,
  to: 5,
  layout: { x: 1, y: 2, scale: 1, angle: 0 },
};

describe('edit commands', () => {
  it('are pure: the edit given is left as it was', () => {
    const before = auto();
    const copy = structuredClone(before);
    setIntro.apply(before, { enabled: false });
    addSticker.apply(before, { sticker: { stickerId: 'sale' }, key: 's1', clipSec: 20 });
    expect(before).toEqual(copy);
  });
  it('change what they name, nothing else', () => {
    const e = auto();
    expect(setVideo.apply(e, { reframe: 'crop' })).toEqual({ ...e, reframe: 'crop' });
    expect(typePrice.apply(e, '5.00').intro).toEqual({ ...e.intro, price: '5.00' });
    const stickered = addSticker.apply(e, { sticker: { stickerId: 'sale' }, key: 's1', clipSec: 12 });
    expect(stickered.stickers).toEqual([...e.stickers, { stickerId: 'sale', key: 's1', from: 0, to: 12, layout: NEW_STICKER_LAYOUT }]);
    const moved = placeElement.apply(stickered, { ref: { kind: 'sticker', key: 's1' }, layout: { x: 9, y: 9, scale: 2, angle: 0 } });
    expect(moved.stickers.find((s) => s.key === 's1')?.layout).toEqual({ x: 9, y: 9, scale: 2, angle: 0 });
    expect(removeElement.apply(moved, { kind: 'sticker', key: 's1' }).stickers).toEqual(e.stickers);
    const texted = updateText.apply(addText.apply(e, text), { key: 't1', patch: { text: 'Hello' } });
    expect(texted.texts).toEqual([{ ...text, text: 'Hello' }]);
    expect(removeText.apply(texted, 't1').texts).toEqual([]);
  });
  it('move the crop at the frame shown: the one position without pins, the pin there with them', () => {
    const e = auto();
    expect(setCropX.apply(e, { t: 2, x: 0.2 })).toEqual({ ...e, cropX: 0.2 });
    const pinned = { ...e, cropPins: [{ t: 1, x: 0 }] };
    expect(setCropX.apply(pinned, { t: 3, x: 0.8 }).cropPins).toEqual([
      { t: 1, x: 0 },
      { t: 3, x: 0.8 },
    ]);
    expect(setCropX.apply(pinned, { t: 1.05, x: 0.4 }).cropPins).toEqual([{ t: 1.05, x: 0.4 }]);
    expect(removeCropPin.apply(pinned, 1)).not.toHaveProperty('cropPins');
  });
  it('say how they undo: typing runs merge per field and per text, a caption look for all clips is never undone here', () => {
    expect([setIntro.undo, typePost.undo, applyCaptionLook.undo]).toEqual(['step', 'coalesce', 'never']);
    expect(typePost.runKey?.('x')).toBe('post');
    expect(updateText.runKey?.({ key: 't1', patch: {}, run: 'words' })).toBe('words:t1');
    expect(updateText.runKey?.({ key: 't1', patch: { color: '#000000' } })).toBeUndefined();
  });
});

describe('the store runs commands by their policy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const storage: ClipEditStorage = {
    load: async () => undefined,
    save: async (edit) => ({ edit, version: 1, merged: false }),
    remove: async () => undefined,
    onRemoteChange: () => () => undefined,
    failure: () => 'other',
  };

  it('typing is one step; a caption look for all clips goes through the whole history and is not undone', async () => {
    const store = new ClipEditStore(storage, auto, () => undefined);
    await store.start();
    const present = () => store.snapshot.history!.present;
    store.run(typePost, present(), 'a');
    store.run(typePost, present(), 'ab');
    store.run(applyCaptionLook, present(), { style: 'box', font: 'inter', color: '#ffffff', accent: '#ffd60a' });
    expect(present()).toMatchObject({ post: 'ab', captions: { style: 'box' } });
    store.undo();
    expect(present().post).toBe(auto().post);
    expect(present().captions.style).toBe('box');
    expect(store.canUndo).toBe(false);
    store.redo();
    expect(present()).toMatchObject({ post: 'ab', captions: { style: 'box' } });
  });
});

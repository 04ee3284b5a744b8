// Caption looks: defaults, the project's default for new clips, and a clip's own look kept.
import { describe, expect, it } from 'vitest';
import { CAPTION_STYLES, captionLook, DEFAULT_CAPTION_LOOK, type CaptionLook } from '../../src/domain/edit/captionStyle';
import { followClip } from '../../src/domain/edit/follow';
import { autoEdit } from '../../src/domain/edit/model';

const mug = { id: 'P1', name: 'Red Mug', price: '12.00' };
const pick = { start: 100, end: 120 };
const highlight: CaptionLook = { style: 'highlight', font: 'anton', color: '#ffffff', accent: '#25f4ee' };

describe('caption looks', () => {
  it('offer plate, bold outline, box and the word highlight', () => {
    expect(CAPTION_STYLES.map((s) => s.id)).toEqual(['plate', 'outline', 'box', 'highlight']);
  });

  it('default to today’s look, field by field for captions saved before a field existed', () => {
    expect(captionLook(undefined)).toEqual({ style: 'plate', font: 'inter', color: '#ffffff', accent: '#ffd400' });
    expect(captionLook({ style: 'outline' })).toEqual({ ...DEFAULT_CAPTION_LOOK, style: 'outline' });
  });

  it('new clips start with the project’s default look; without one, the default look', () => {
    const plain = autoEdit({ pick, product: mug, hashtags: [] });
    expect(captionLook(plain.captions)).toEqual(DEFAULT_CAPTION_LOOK);
    const styled = autoEdit({ pick, product: mug, hashtags: [], captionLook: highlight });
    expect(captionLook(styled.captions)).toEqual(highlight);
  });

  it('a clip’s own look stays when its clip is trimmed, whatever the project default', () => {
    const edit = { ...autoEdit({ pick, product: mug, hashtags: [] }), madeFor: { ...pick, product: mug } };
    const own = { ...edit, captions: { ...edit.captions, style: 'box' as const, color: '#fe2c55' } };
    const followed = followClip(own, { start: 101, end: 118, product: mug }, { hashtags: [], captionLook: highlight }, own.madeFor);
    expect(captionLook(followed.captions)).toEqual({ ...DEFAULT_CAPTION_LOOK, style: 'box', color: '#fe2c55' });
  });
});

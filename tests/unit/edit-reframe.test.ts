import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT_PRESET, OUTPUT_FPS, OUTPUT_PRESETS, outputPreset } from '../../src/domain/edit/output';
import { containsRect } from '../../src/domain/edit/rect';
import { makeRenderPlan } from '../../src/domain/edit/plan';
import {
  canPanCrop,
  CENTRED,
  clampCropX,
  coverCrop,
  displaySize,
  fitRect,
  followsHostByDefault,
  pannedCropX,
  reframeGeometry,
  type ReframeMode,
} from '../../src/domain/edit/reframe';
import { reframeFilter } from '../../src/media/ffmpeg/reframeFilter';
import { chooseReframe, followHostPins, reframeUntouched } from '../../src/domain/edit/commands';
import { autoEdit } from '../../src/domain/edit/model';

const HD = { width: 1080, height: 1920 };
const FAST = { width: 720, height: 1280 };
const src = (width: number, height: number, rotation = 0) => ({ width, height, rotation });

describe('output presets', () => {
  it('has hd 1080x1920 and fast 720x1280 at 30 fps', () => {
    expect(OUTPUT_PRESETS.map(({ id, width, height, fps }) => ({ id, width, height, fps }))).toEqual([
      { id: 'hd', width: 1080, height: 1920, fps: 30 },
      { id: 'fast', width: 720, height: 1280, fps: 30 },
    ]);
    expect(OUTPUT_FPS).toBe(30);
    expect(outputPreset('fast').width).toBe(720);
    expect(outputPreset('nonsense').id).toBe(DEFAULT_OUTPUT_PRESET);
  });
});

describe('displaySize', () => {
  it('swaps width and height for quarter turns only', () => {
    expect(displaySize(src(1920, 1080, 90))).toEqual({ width: 1080, height: 1920 });
    expect(displaySize(src(1920, 1080, 270))).toEqual({ width: 1080, height: 1920 });
    expect(displaySize(src(1920, 1080, -90))).toEqual({ width: 1080, height: 1920 });
    expect(displaySize(src(1920, 1080, 180))).toEqual({ width: 1920, height: 1080 });
    expect(displaySize(src(1920, 1080, 450))).toEqual({ width: 1080, height: 1920 });
  });
});

describe('crop / fit helpers', () => {
  it('coverCrop takes the centred 9:16 part, even-sized', () => {
    expect(coverCrop({ width: 1280, height: 720 }, HD)).toEqual({ x: 436, y: 0, width: 406, height: 720 });
    expect(coverCrop({ width: 1080, height: 2400 }, HD)).toEqual({ x: 0, y: 240, width: 1080, height: 1920 });
  });
  it('fitRect centres the whole picture', () => {
    expect(fitRect({ width: 1280, height: 720 }, HD)).toEqual({ x: 0, y: 656, width: 1080, height: 608 });
    expect(fitRect({ width: 1170, height: 2532 }, HD)).toEqual({ x: 96, y: 0, width: 888, height: 1920 });
  });
});

describe('reframeGeometry + reframeFilter', () => {
  it('landscape, crop mode: centre crop of the source, then scale to the frame', () => {
    const g = reframeGeometry(src(1280, 720), HD, 'crop');
    expect(g).toMatchObject({ layout: 'cover', crop: { x: 436, y: 0, width: 406, height: 720 }, video: { x: 0, y: 0, ...HD } });
    expect(g.background).toBeUndefined();
    expect(reframeFilter(g, 30)).toBe('[0:v]fps=30,crop=406:720:436:0,scale=1080:1920,setsar=1,format=yuv420p[vbase]');
  });

  it('landscape, blur mode: whole picture centred over a low-resolution blurred copy', () => {
    const g = reframeGeometry(src(1280, 720), HD, 'blur');
    expect(g.layout).toBe('fit-blur');
    expect(g.crop).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(g.video).toEqual({ x: 0, y: 656, width: 1080, height: 608 });
    expect(g.background).toMatchObject({ crop: { x: 436, y: 0, width: 406, height: 720 }, lowRes: { width: 136, height: 240 }, radius: 14 });
    expect(g.background!.blurSigma).toBeGreaterThan(50);
    const f = reframeFilter(g, 30);
    expect(f.startsWith('[0:v]fps=30,split=2[')).toBe(true);
    expect(f).toContain('crop=406:720:436:0,scale=136:240:flags=fast_bilinear,boxblur=luma_radius=14:luma_power=2,scale=1080:1920');
    expect(f).toContain('scale=1080:608,setsar=1');
    expect(f).toMatch(/overlay=0:656,setsar=1,format=yuv420p\[vbase\]$/);
    // blur never runs at full resolution
    expect(f.indexOf('boxblur')).toBeLessThan(f.indexOf('scale=1080:1920'));
  });

  it('720x1280 output blurs at 90x160', () => {
    const g = reframeGeometry(src(1920, 1080), FAST, 'blur');
    expect(g.background).toMatchObject({ lowRes: { width: 90, height: 160 }, radius: 9 });
    expect(g.video).toEqual({ x: 0, y: 436, width: 720, height: 406 });
  });

  it('square source', () => {
    expect(reframeGeometry(src(1080, 1080), HD, 'blur')).toMatchObject({ layout: 'fit-blur', video: { x: 0, y: 420, width: 1080, height: 1080 } });
    expect(reframeGeometry(src(1080, 1080), HD, 'crop')).toMatchObject({ layout: 'cover', crop: { x: 236, y: 0, width: 608, height: 1080 } });
  });

  it('9:16 source is only scaled, in both modes', () => {
    for (const mode of ['crop', 'blur'] as const) {
      const g = reframeGeometry(src(720, 1280), HD, mode);
      expect(g).toMatchObject({ layout: 'cover', crop: { x: 0, y: 0, width: 720, height: 1280 }, video: { x: 0, y: 0, ...HD } });
      expect(reframeFilter(g, 30)).toBe('[0:v]fps=30,scale=1080:1920,setsar=1,format=yuv420p[vbase]');
    }
  });

  it('nearly 9:16 source is covered (loses a few pixels, no bars)', () => {
    const g = reframeGeometry(src(1080, 1900), HD, 'blur');
    expect(g).toMatchObject({ layout: 'cover', crop: { x: 6, y: 0, width: 1068, height: 1900 } });
  });

  it('taller-than-9:16 phone recording is scaled to the height and padded', () => {
    for (const mode of ['crop', 'blur'] as const) {
      const g = reframeGeometry(src(1170, 2532), HD, mode);
      expect(g).toMatchObject({ layout: 'fit-pad', video: { x: 96, y: 0, width: 888, height: 1920 } });
      expect(reframeFilter(g, 30)).toBe('[0:v]fps=30,scale=888:1920,pad=1080:1920:96:0:black,setsar=1,format=yuv420p[vbase]');
    }
  });

  it('rotated phone recordings use the displayed size', () => {
    // coded 1920x1080, rotated 90° → displayed 1080x1920: just scale
    expect(reframeGeometry(src(1920, 1080, 90), HD, 'blur')).toMatchObject({ layout: 'cover', source: { width: 1080, height: 1920 } });
    expect(reframeGeometry(src(1280, 720, 270), FAST, 'crop')).toMatchObject({ layout: 'cover', crop: { x: 0, y: 0, width: 720, height: 1280 } });
    // 180° stays landscape
    expect(reframeGeometry(src(1280, 720, 180), HD, 'blur').layout).toBe('fit-blur');
    // portrait coded, rotated to landscape
    expect(reframeGeometry(src(720, 1280, 90), HD, 'crop').crop).toEqual({ x: 436, y: 0, width: 406, height: 720 });
  });

  it('uses the given labels (and prefixes internal pads with the output label)', () => {
    const f = reframeFilter(reframeGeometry(src(640, 360), FAST, 'blur'), 25, { input: '2:v', output: 'base2' });
    expect(f.startsWith('[2:v]fps=25,')).toBe(true);
    expect(f).toContain('[base2_bg][base2_fg]overlay');
    expect(f.endsWith('[base2]')).toBe(true);
  });

  it('rejects empty sizes', () => {
    expect(() => reframeGeometry(src(0, 720), HD, 'crop')).toThrow(RangeError);
    expect(() => reframeGeometry(src(1280, 720), { width: 0, height: 10 }, 'crop')).toThrow(RangeError);
  });

  it('invariants: crop inside the source, video inside the frame, even sizes, one [vbase]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 4096 }),
        fc.integer({ min: 16, max: 4096 }),
        fc.constantFrom(0, 90, 180, 270),
        fc.constantFrom<ReframeMode>('crop', 'blur'),
        fc.constantFrom(HD, FAST),
        (w, h, rotation, mode, out) => {
          const g = reframeGeometry(src(w, h, rotation), out, mode);
          expect(containsRect({ x: 0, y: 0, ...g.source }, g.crop)).toBe(true);
          expect(containsRect({ x: 0, y: 0, ...out }, g.video)).toBe(true);
          for (const n of [g.video.x, g.video.y, g.video.width, g.video.height]) expect(n % 2).toBe(0);
          if (g.layout === 'cover') expect(g.video).toEqual({ x: 0, y: 0, ...out });
          if (g.layout === 'fit-blur') {
            expect(containsRect({ x: 0, y: 0, ...g.source }, g.background!.crop)).toBe(true);
            expect(g.background!.radius).toBeLessThanOrEqual(Math.min(g.background!.lowRes.width, g.background!.lowRes.height) / 4);
          }
          // the shown part keeps its aspect ratio, up to rounding to even pixels on either side
          const v = g.video;
          const c = g.crop;
          const error = Math.abs((v.width / v.height) * (c.height / c.width) - 1);
          expect(error).toBeLessThanOrEqual(2 / v.width + 2 / v.height + 2 / c.width + 2 / c.height);
          const f = reframeFilter(g, 30);
          expect(f.match(/\[vbase\]/g)).toHaveLength(1);
          expect(f.endsWith('setsar=1,format=yuv420p[vbase]')).toBe(true);
        },
      ),
    );
  });
});

describe('crop position (cropX)', () => {
  const s = src(1280, 720);
  it('slides the 9:16 window across a landscape source, even offsets, centred by default', () => {
    expect(coverCrop(s, HD, 0)).toEqual({ x: 0, y: 0, width: 406, height: 720 });
    expect(coverCrop(s, HD, 1)).toEqual({ x: 874, y: 0, width: 406, height: 720 });
    expect(coverCrop(s, HD, 0.25)).toEqual({ x: 218, y: 0, width: 406, height: 720 });
    expect(coverCrop(s, HD)).toEqual(coverCrop(s, HD, CENTRED));
    // Out of range and missing values are clamped or centred.
    expect(coverCrop(s, HD, -3)).toEqual(coverCrop(s, HD, 0));
    expect(coverCrop(s, HD, 7)).toEqual(coverCrop(s, HD, 1));
    expect(clampCropX(undefined)).toBe(CENTRED);
    expect(clampCropX(Number.NaN)).toBe(CENTRED);
  });

  it('the same source window for both output sizes, and in the filter both engines use', () => {
    const hd = reframeGeometry(s, HD, 'crop', 0.2);
    const fast = reframeGeometry(s, FAST, 'crop', 0.2);
    expect(hd.crop).toEqual(fast.crop);
    expect(reframeFilter(hd, 30)).toBe('[0:v]fps=30,crop=406:720:174:0,scale=1080:1920,setsar=1,format=yuv420p[vbase]');
    // Only the cover layout moves: the blurred background stays centred, portrait sources fit.
    expect(reframeGeometry(s, HD, 'blur', 0).background?.crop).toEqual(coverCrop(s, HD));
    expect(canPanCrop(hd)).toBe(true);
    expect(canPanCrop(reframeGeometry(s, HD, 'blur'))).toBe(false);
    expect(canPanCrop(reframeGeometry(src(1080, 1920), HD, 'crop'))).toBe(false);
  });

  it('dragging the picture moves the window the other way, as far as the picture moved', () => {
    const g = reframeGeometry(s, HD, 'crop', 0.5);
    // 1080 design px of drag = 406 source px; the window has 874 px to slide in.
    expect(pannedCropX(g, 0.5, 1080)).toBeCloseTo(0.5 - 406 / 874, 9);
    expect(pannedCropX(g, 0.5, -100)).toBeGreaterThan(0.5);
    expect(pannedCropX(g, 0.1, 5000)).toBe(0);
    expect(pannedCropX(g, 0.9, -5000)).toBe(1);
    expect(pannedCropX(reframeGeometry(s, HD, 'blur'), 0.3, 500)).toBe(0.3);
  });

  it('the render plan carries it to the engines', () => {
    const meta = { width: 1280, height: 720, rotation: 0, hasAudio: true, durationSec: 60 };
    expect(makeRenderPlan(meta, { start: 0, end: 5 }, { ...FAST, fps: 30 }, 'crop', 'fast', { cropX: 0.2 }).cropX).toBe(0.2);
    expect(makeRenderPlan(meta, { start: 0, end: 5 }, { ...FAST, fps: 30 }, 'crop', 'fast')).not.toHaveProperty('cropX');
  });
});

describe('following the host by default (issue 23)', () => {
  it('is for recordings 16:9 or wider, after rotation', () => {
    expect(followsHostByDefault({ width: 1920, height: 1080, rotation: 0 })).toBe(true);
    expect(followsHostByDefault({ width: 1366, height: 768, rotation: 0 })).toBe(true);
    expect(followsHostByDefault({ width: 2560, height: 1080, rotation: 0 })).toBe(true);
    expect(followsHostByDefault({ width: 640, height: 480, rotation: 0 })).toBe(false);
    expect(followsHostByDefault({ width: 1920, height: 1080, rotation: 90 })).toBe(false);
    expect(followsHostByDefault({ width: 1080, height: 1920, rotation: 270 })).toBe(true);
  });

  it("replaces only a reframe still the auto-edit's: the blurred fill, no crop moved or pinned", () => {
    const edit = autoEdit({ pick: { start: 0, end: 10 }, product: { id: 'P1' }, hashtags: [] });
    expect(reframeUntouched(edit)).toBe(true);
    expect(reframeUntouched(chooseReframe.apply(edit, 'crop'))).toBe(false);
    expect(reframeUntouched(followHostPins.apply(edit, [{ t: 0, x: 0.2 }]))).toBe(false);
    expect(reframeUntouched(chooseReframe.apply(followHostPins.apply(edit, [{ t: 0, x: 0.2 }]), 'blur'))).toBe(true);
    expect(reframeUntouched({ ...edit, cropX: 0.3 })).toBe(false);
  });
});

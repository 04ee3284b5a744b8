import { describe, expect, it } from 'vitest';
import { DUCKING, frameCount, makeRenderPlan, overlayAlpha, planProblems, RenderPlanError, visibleOverlays, type RenderPlan } from '../../src/domain/edit/plan';
import { OVERLAY_TO_OUTPUT } from '../../src/media/ffmpeg/reframeFilter';
import { audioMixArgs, renderArgs, renderGraph } from '../../src/media/ffmpeg/renderArgs';

const base = (o: Partial<RenderPlan> = {}): RenderPlan => ({
  output: { width: 720, height: 1280, fps: 30 },
  source: { start: 2, end: 7, width: 640, height: 360, rotation: 0, hasAudio: true },
  reframe: 'blur',
  quality: 'balanced',
  overlays: [
    { id: 'title', x: 100, y: 200, width: 300, height: 120, from: 0.5, to: 4, fadeInSec: 0.3 },
    { id: 'cta', x: 150.4, y: 780, width: 400, height: 100, from: 2, to: 9 },
  ],
  music: { volume: 0.5, fadeInSec: 0.5, fadeOutSec: 1, duck: true },
  ...o,
});

const graphOf = (args: string[]) => args[args.indexOf('-filter_complex') + 1] ?? '';
const valuesOf = (args: string[], flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1] ?? ''] : []));

/** Every pad produced once and consumed once (or mapped); stream specifiers refer to real inputs. */
function checkLabels(args: string[]) {
  const graph = graphOf(args);
  const inputCount = valuesOf(args, '-i').length;
  const produced = new Map<string, number>();
  const consumed = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const chain of graph.split(';')) {
    const head = /^((?:\[[^\]]+\])*)/.exec(chain)?.[1] ?? '';
    const tail = /((?:\[[^\]]+\])*)$/.exec(chain)?.[1] ?? '';
    for (const m of head.matchAll(/\[([^\]]+)\]/g)) bump(consumed, m[1]!);
    for (const m of tail.matchAll(/\[([^\]]+)\]/g)) bump(produced, m[1]!);
  }
  // inside a chain, filter-to-filter pads such as split outputs appear as "...[a][b]" at the tail
  for (const m of valuesOf(args, '-map')) bump(consumed, m.replace(/^\[|\]$/g, ''));
  for (const [label, n] of consumed) {
    const stream = /^(\d+):[va]/.exec(label);
    if (stream) expect(Number(stream[1])).toBeLessThan(inputCount);
    else expect(produced.get(label), `pad ${label} is consumed but never produced`).toBe(1);
    if (!stream) expect(n, `pad ${label} consumed ${n} times`).toBe(1);
  }
  for (const [label, n] of produced) {
    expect(n).toBe(1);
    expect(consumed.get(label), `pad ${label} is produced but never used`).toBe(1);
  }
}

describe('renderArgs', () => {
  it('seeks the input, loops the overlay stills and the music, one graph, two maps, exact duration', () => {
    const args = renderArgs(base(), 'in.mp4', 'out.mp4');
    expect(args.slice(0, 3)).toEqual(['-hide_banner', '-nostdin', '-y']);
    expect(args.slice(3, 9)).toEqual(['-ss', '2.000', '-t', '5.000', '-i', 'in.mp4']);
    // Each still is read for the frames it shows: 0.5..4 s is frames 15..120, 2..5 s frames 60..150.
    expect(args.slice(9, 17)).toEqual(['-loop', '1', '-framerate', '30', '-t', '3.534', '-i', '/ov-title.png']);
    expect(args.slice(17, 25)).toEqual(['-loop', '1', '-framerate', '30', '-t', '3.034', '-i', '/ov-cta.png']);
    expect(args.slice(25, 29)).toEqual(['-stream_loop', '-1', '-i', '/music.m4a']);
    expect(valuesOf(args, '-filter_complex')).toHaveLength(1);
    expect(valuesOf(args, '-map')).toEqual(['[v2]', '[aout]']);
    const tail = args.slice(args.indexOf('-map') + 4);
    expect(tail).toEqual([
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '21',
      '-pix_fmt',
      'yuv420p',
      '-colorspace',
      'bt709',
      '-color_primaries',
      'bt709',
      '-color_trc',
      'bt709',
      '-color_range',
      'tv',
      '-r',
      '30',
      '-c:a',
      'aac',
      '-b:a',
      '160k',
      '-ar',
      '48000',
      '-ac',
      '2',
      '-t',
      '5.000',
      '-map_metadata',
      '-1',
      '-movflags',
      '+faststart',
      'out.mp4',
    ]);
    expect(args).not.toContain('-shortest');
    checkLabels(args);
  });

  it('composites overlays in order with enable windows, alpha fade-in on request', () => {
    const graph = graphOf(renderArgs(base(), 'in.mp4', 'out.mp4'));
    expect(graph).toContain(`[1:v]setpts=PTS+15/(30*TB),format=rgba,fade=t=in:st=0.5:d=0.3:alpha=1,${OVERLAY_TO_OUTPUT}[ov0]`);
    expect(graph).toContain("[vbase][ov0]overlay=x=100:y=200:enable='between(t,0.5,4)'[v1]");
    // clamped to the clip end, rounded position, no fade
    expect(graph).toContain(`[2:v]setpts=PTS+60/(30*TB),${OVERLAY_TO_OUTPUT}[ov1]`);
    expect(graph).toContain("[v1][ov1]overlay=x=150:y=780:enable='between(t,2,5)'[v2]");
    expect(graph.indexOf('[ov0]overlay')).toBeLessThan(graph.indexOf('[ov1]overlay'));
    expect(graph.startsWith('[0:v:0]fps=30,')).toBe(true);
  });

  it('drops overlays outside the clip and keeps input numbering consistent', () => {
    const plan = base({
      overlays: [
        { id: 'late', x: 0, y: 0, width: 10, height: 10, from: 6, to: 8 },
        { id: 'ok', x: 0, y: 0, width: 10, height: 10, from: -1, to: 1 },
        { id: 'empty', x: 0, y: 0, width: 10, height: 10, from: 3, to: 3 },
      ],
    });
    expect(visibleOverlays(plan).map((o) => [o.id, o.from, o.to])).toEqual([['ok', 0, 1]]);
    const args = renderArgs(plan, 'in.mp4', 'out.mp4');
    expect(valuesOf(args, '-i')).toEqual(['in.mp4', '/ov-ok.png', '/music.m4a']);
    expect(graphOf(args)).toContain(`[1:v]setpts=PTS+0/(30*TB),${OVERLAY_TO_OUTPUT}[ov0];[vbase][ov0]overlay=x=0:y=0:enable='between(t,0,1)'[v1]`);
    expect(graphOf(args)).toContain('[2:a]atrim=duration=5');
    checkLabels(args);
  });

  it('interleaves back-to-back stills with the same box (a highlighted caption’s words) behind one overlay', () => {
    const word = (id: string, from: number, to: number) => ({ id, x: 60, y: 1300, width: 800, height: 160, from, to });
    const plan = base({ overlays: [word('w0', 1, 1.42), word('w1', 1.42, 1.43), word('w2', 1.43, 2), { ...word('other', 2, 3), y: 10 }] });
    const args = renderArgs(plan, 'in.mp4', 'out.mp4');
    // Frames 30..42 (w0: 1.4 s is its last frame before 1.42), none for w1 (between two frames), 43..60 for w2.
    expect(valuesOf(args, '-t').slice(1, 4)).toEqual(['0.434', '0.6', '1.034']);
    expect(valuesOf(args, '-i')).toEqual(['in.mp4', '/ov-w0.png', '/ov-w2.png', '/ov-other.png', '/music.m4a']);
    const graph = graphOf(args);
    expect(graph).toContain(
      `[1:v]setpts=PTS+30/(30*TB)[ov0s0];[2:v]setpts=PTS+43/(30*TB)[ov0s1];[ov0s0][ov0s1]interleave=nb_inputs=2,${OVERLAY_TO_OUTPUT}[ov0];[vbase][ov0]overlay=x=60:y=1300:enable='between(t,1,2)'[v1]`,
    );
    expect(graph).toContain(`[3:v]setpts=PTS+60/(30*TB),${OVERLAY_TO_OUTPUT}[ov1];[v1][ov1]overlay=x=60:y=10:enable='between(t,2,3)'[v2]`);
    checkLabels(args);
  });

  it('voice + music, ducked: the voice is split into the mix and the sidechain', () => {
    const graph = graphOf(renderArgs(base(), 'in.mp4', 'out.mp4'));
    expect(graph).toContain(
      '[3:a]atrim=duration=5,asetpts=PTS-STARTPTS,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,volume=0.5,afade=t=in:st=0:d=0.5,afade=t=out:st=4:d=1,apad=whole_dur=5[music]',
    );
    expect(graph).toContain('[0:a:0]aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad=whole_dur=5[voice]');
    expect(graph).toContain('[voice]asplit=2[voicemix][voicesc]');
    expect(graph).toContain(
      `[music][voicesc]sidechaincompress=threshold=${DUCKING.threshold}:ratio=${DUCKING.ratio}:attack=${DUCKING.attack}:release=${DUCKING.release}:makeup=1[ducked]`,
    );
    expect(graph).toContain('[voicemix][ducked]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[aout]');
  });

  it('voice + music without ducking mixes directly', () => {
    const args = renderArgs(base({ music: { volume: 2, fadeInSec: 0, fadeOutSec: 0, duck: false } }), 'in.mp4', 'out.mp4');
    const graph = graphOf(args);
    expect(graph).not.toContain('sidechaincompress');
    expect(graph).not.toContain('afade');
    expect(graph).toContain('volume=1,'); // clamped to 0..1
    expect(graph).toContain('[voice][music]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[aout]');
    checkLabels(args);
  });

  it('voice only', () => {
    const plan = base();
    delete plan.music;
    const args = renderArgs(plan, 'in.mp4', 'out.mp4');
    expect(args).not.toContain('-stream_loop');
    expect(graphOf(args)).toContain('[voice]anull[aout]');
    expect(graphOf(args)).not.toContain('amix');
    checkLabels(args);
  });

  it('music only (silent recording): no [0:a], no ducking', () => {
    const plan = base({ source: { ...base().source, hasAudio: false } });
    const args = renderArgs(plan, 'in.mp4', 'out.mp4');
    const graph = graphOf(args);
    expect(graph).not.toContain('[0:a');
    expect(graph).not.toContain('sidechaincompress');
    expect(graph).toContain('[music]anull[aout]');
    checkLabels(args);
  });

  it('neither: generated silence so the MP4 always has audio', () => {
    const plan = base({ source: { ...base().source, hasAudio: false }, overlays: [] });
    delete plan.music;
    const args = renderArgs(plan, 'in.mp4', 'out.mp4');
    expect(valuesOf(args, '-i')).toEqual(['in.mp4']);
    expect(graphOf(args)).toContain('anullsrc=r=48000:cl=stereo:d=5[aout]');
    expect(valuesOf(args, '-map')).toEqual(['[vbase]', '[aout]']);
    checkLabels(args);
  });

  it('shortens music fades that do not fit the clip', () => {
    const graph = graphOf(renderArgs(base({ music: { volume: 0.3, fadeInSec: 4, fadeOutSec: 6, duck: true } }), 'in.mp4', 'out.mp4'));
    expect(graph).toContain('afade=t=in:st=0:d=2,afade=t=out:st=2:d=3');
  });

  it('crop mode and rotated sources go through the reframe', () => {
    const graph = graphOf(renderArgs(base({ reframe: 'crop', output: { width: 1080, height: 1920, fps: 30 } }), 'in.mp4', 'out.mp4'));
    const sd = ':in_color_matrix=bt601:out_color_matrix=bt709:out_range=tv';
    expect(graph.startsWith(`[0:v:0]fps=30,crop=202:360:218:0,scale=1080:1920${sd},setsar=1,format=yuv420p[vbase]`)).toBe(true);
    const rotated = renderGraph(base({ source: { ...base().source, width: 1280, height: 720, rotation: 90 } }), 'in.mp4');
    // Untagged HD is read as BT.709, as browsers do, so both engines agree on its colours.
    expect(
      rotated.filter.startsWith('[0:v:0]fps=30,scale=720:1280:in_color_matrix=bt709:out_color_matrix=bt709:out_range=tv,setsar=1,format=yuv420p[vbase]'),
    ).toBe(true);
  });

  it('reads colour tags: tagged matrices are honoured, HDR (HLG/PQ) is tone-mapped to SDR first', () => {
    const tagged = renderGraph(base({ reframe: 'crop', source: { ...base().source, colorMatrix: 'bt709' } }), 'in.mp4');
    expect(tagged.filter).toContain('in_color_matrix=bt709:out_color_matrix=bt709');
    for (const colorTransfer of ['arib-std-b67', 'smpte2084']) {
      const hdr = renderGraph(base({ reframe: 'crop', source: { ...base().source, colorMatrix: 'bt2020nc', colorTransfer } }), 'in.mp4');
      expect(
        hdr.filter.startsWith(
          '[0:v:0]fps=30,zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=709:r=tv,format=yuv420p,',
        ),
      ).toBe(true);
      expect(hdr.filter).toContain('in_color_matrix=bt709:out_color_matrix=bt709');
    }
  });

  it('rejects impossible plans', () => {
    expect(() => renderArgs(base({ source: { ...base().source, end: 2 } }), 'in', 'out')).toThrow(RenderPlanError);
    expect(() => renderArgs(base({ output: { width: 721, height: 1280, fps: 30 } }), 'in', 'out')).toThrow(/even/);
    const dup = base();
    dup.overlays.push({ ...dup.overlays[0]! });
    expect(planProblems(dup)).toEqual(['duplicate overlay id title']);
    expect(planProblems(base())).toEqual([]);
  });
});

describe('makeRenderPlan', () => {
  it('builds a plan from the probed recording, clamping the clip', () => {
    const meta = { width: 1280, height: 720, rotation: 0, hasAudio: false, durationSec: 187 };
    expect(makeRenderPlan(meta, { start: -1, end: 200 }, { width: 720, height: 1280, fps: 30 }, 'crop', 'fast')).toEqual({
      output: { width: 720, height: 1280, fps: 30 },
      source: { start: 0, end: 187, width: 1280, height: 720, rotation: 0, hasAudio: false },
      reframe: 'crop',
      quality: 'fast',
      overlays: [],
    });
    const music = { volume: 0.4, fadeInSec: 1, fadeOutSec: 1, duck: true };
    expect(makeRenderPlan(meta, { start: 10, end: 20 }, { width: 720, height: 1280, fps: 30 }, 'blur', 'balanced', { music }).music).toBe(music);
  });
});

describe('quality presets in the ffmpeg arguments', () => {
  it("uses the preset's x264 speed, CRF and audio bitrate", () => {
    const args = renderArgs(base({ quality: 'fast' }), 'in.mp4', 'out.mp4');
    expect(args.join(' ')).toContain('-c:v libx264 -preset ultrafast -crf 23 -pix_fmt yuv420p');
    expect(args.join(' ')).toContain('-b:a 128k');
  });
});

describe('audioMixArgs: the same mix, audio only (for the WebCodecs engine)', () => {
  it("has the render's audio chains, no video input or map", () => {
    const args = audioMixArgs(base(), 'in.mp4', 'a.m4a');
    const renderAudio = graphOf(renderArgs(base(), 'in.mp4', 'out.mp4'))
      .split(';')
      .filter((c) => /\[(music|voice|voicemix|ducked)\]|\[aout\]$/.test(c));
    // Same chains; only the music input index differs (no overlay inputs before it).
    expect(graphOf(args).split(';')).toEqual(renderAudio.map((c) => c.replace('[3:a]', '[1:a]')));
    expect(valuesOf(args, '-i')).toEqual(['in.mp4', '/music.m4a']);
    expect(valuesOf(args, '-map')).toEqual(['[aout]']);
    expect(args).not.toContain('-c:v');
    expect(args.slice(-3)).toEqual(['-movflags', '+faststart', 'a.m4a']);
  });

  it('reads no recording when it has no audio', () => {
    const plan = base({ source: { ...base().source, hasAudio: false } });
    expect(valuesOf(audioMixArgs(plan, 'in.mp4', 'a.m4a'), '-i')).toEqual(['/music.m4a']);
    delete plan.music;
    const silent = audioMixArgs(plan, 'in.mp4', 'a.m4a');
    expect(valuesOf(silent, '-i')).toEqual([]);
    expect(graphOf(silent)).toBe('anullsrc=r=48000:cl=stereo:d=5[aout]');
  });
});

describe('plan timing shared by both engines', () => {
  it('counts output frames at the output rate', () => {
    expect(frameCount(base())).toBe(150);
    expect(frameCount(base({ source: { ...base().source, start: 0, end: 0.01 } }))).toBe(1);
  });

  it('fades overlays in from their start and hides them outside their range', () => {
    const o = { id: 'x', x: 0, y: 0, width: 1, height: 1, from: 1, to: 3, fadeInSec: 0.5 };
    expect(overlayAlpha(o, 0.99)).toBe(0);
    expect(overlayAlpha(o, 1.25)).toBeCloseTo(0.5);
    expect(overlayAlpha(o, 2)).toBe(1);
    expect(overlayAlpha(o, 3.01)).toBe(0);
    expect(overlayAlpha({ ...o, fadeInSec: 0 }, 1)).toBe(1);
  });
});

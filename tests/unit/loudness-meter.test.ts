// The loudness meter (what the browser's decoded audio is measured with) against native ffmpeg's
// astats on the same samples (the ffmpeg.wasm path's arguments), and on signals of known level.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOUDNESS_STEP_SEC, SILENCE_DB } from '../../src/domain/recording/loudness';
import { LoudnessMeter } from '../../src/domain/recording/loudnessMeter';
import { loudnessArgs, parseAstatsMetadata } from '../../src/media/ffmpeg/loudnessArgs';

const generated = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'generated', name);
const dir = mkdtempSync(join(tmpdir(), 'lhs-loudness-'));

const sine = (sec: number, rate: number, amplitude: number) =>
  Float32Array.from({ length: Math.round(sec * rate) }, (_, i) => amplitude * Math.sin((2 * Math.PI * 440 * i) / rate));

describe('LoudnessMeter', () => {
  it('gives what ffmpeg astats gives for the same audio (the stereo speech fixture at 16 kHz, downmixed by the meter)', () => {
    const source = generated('rec-speech.mp4');
    const metadata = join(dir, 'astats.txt');
    execFileSync('ffmpeg', ['-v', 'error', ...loudnessArgs(source, metadata, LOUDNESS_STEP_SEC).slice(2)]);
    const ffmpeg = parseAstatsMetadata(readFileSync(metadata, 'utf8'), LOUDNESS_STEP_SEC);
    const pcm = execFileSync(
      'ffmpeg',
      ['-v', 'error', '-i', source, '-map', '0:a:0', '-af', 'aformat=sample_fmts=flt:sample_rates=16000:channel_layouts=mono', '-f', 'f32le', '-'],
      {
        maxBuffer: 1 << 28,
      },
    );
    const samples = new Float32Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 4);
    const meter = new LoudnessMeter(LOUDNESS_STEP_SEC);
    // In uneven chunks, as a decoder hands them over (1024 frames of AAC, resampled).
    for (let at = 0; at < samples.length; at += 1021) meter.add([samples.subarray(at, at + 1021)], at / 16000, 16000);
    const ours = meter.finish();
    expect(ours.db.length).toBe(ffmpeg.db.length);
    const worst = Math.max(...ours.db.map((db, i) => (db > -90 ? Math.abs(db - ffmpeg.db[i]!) : 0)));
    expect(worst).toBeLessThan(0.05);
  });

  it('measures a known level, downmixes the channels, and keeps silence and gaps as ffmpeg does', () => {
    const meter = new LoudnessMeter(0.1);
    const rate = 48000;
    // A sine of amplitude 0.5 (RMS 0.5/√2) in both channels: downmixed to amplitude 0.5·2·√½, −6.02 dBFS.
    const tone = sine(0.3, rate, 0.5);
    meter.add([tone, tone], 0, rate);
    // Then 0.2 s of digital silence, a gap of 0.2 s with no audio, and 0.1 s of the tone in one channel only.
    meter.add([new Float32Array(0.2 * rate), new Float32Array(0.2 * rate)], 0.3, rate);
    const half = sine(0.1, rate, 0.5);
    meter.add([half, new Float32Array(half.length)], 0.7, rate);
    const { db } = meter.finish();
    // In one channel only: amplitude 0.5·√½, −12.04 dBFS.
    expect([...db].map((v) => Math.round(v * 10) / 10)).toEqual([-6, -6, -6, SILENCE_DB, SILENCE_DB, SILENCE_DB, SILENCE_DB, -12]);
  });
});

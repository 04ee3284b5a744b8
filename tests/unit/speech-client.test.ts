import { expect, it } from 'vitest';
import { DEFAULT_SPEECH_MODEL } from '../../src/domain/speech/models';
import { SpeechClient, SpeechError } from '../../src/speech/client';

it('a speech model that is not kept and cannot be downloaded says so, and what to do', async () => {
  const client = new SpeechClient(async () => {
    throw new TypeError('Failed to fetch');
  });
  const load = client.load(DEFAULT_SPEECH_MODEL);
  await expect(load).rejects.toBeInstanceOf(SpeechError);
  await expect(load).rejects.toThrow(
    /^The speech model \(a one-time download\) could not be downloaded \(Failed to fetch\)\. .*Keep everything for offline use/,
  );
});

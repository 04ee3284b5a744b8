import type { Cue } from '../../domain/edit/captions';
import { toSrt, toVtt } from '../../domain/edit/captionFiles';
import { saveBlob } from '../../app/browser/fileSink';

interface Props {
  cues: readonly Cue[];
  /** The file name for an extension ('srt', 'vtt'). */
  fileName: (ext: string) => string;
}

/** The short's caption lines as SRT or WebVTT files, timed from its start (over its cut pauses, where tightened). */
export function CaptionDownloads({ cues, fileName }: Props) {
  const download = (text: string, ext: string, type: string) => saveBlob(new Blob([text], { type }), fileName(ext));
  return (
    <div class="choice-row">
      <span class="muted">Caption file</span>
      <button type="button" class="btn ghost small" disabled={cues.length === 0} onClick={() => download(toSrt(cues), 'srt', 'application/x-subrip')}>
        Download SRT
      </button>
      <button type="button" class="btn ghost small" disabled={cues.length === 0} onClick={() => download(toVtt(cues), 'vtt', 'text/vtt')}>
        Download WebVTT
      </button>
    </div>
  );
}

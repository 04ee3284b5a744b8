import { CAPTION_STYLES, captionLook, type CaptionLook } from '../../domain/edit/captionStyle';
import type { ClipEdit } from '../../domain/edit/model';
import { ColorSwatches } from './ColorSwatches';
import { StylePicker } from './StylePicker';

interface Props {
  captions: ClipEdit['captions'];
  onChange: (captions: ClipEdit['captions']) => void;
  /** Makes this look the project's: every clip's, and new clips'. */
  onUseForAll: (look: CaptionLook) => void;
  /** The project's default look (absent: none chosen yet). */
  projectLook?: CaptionLook | undefined;
}

const sameLook = (a: CaptionLook, b: CaptionLook) => a.style === b.style && a.font === b.font && a.color === b.color && a.accent === b.accent;

/** The captions' style, font and colours, and "Use for all clips". */
export function CaptionLookPicker({ captions, onChange, onUseForAll, projectLook }: Props) {
  const look = captionLook(captions);
  const set = (patch: Partial<CaptionLook>) => onChange({ ...captions, ...patch });
  return (
    <div class="caption-look">
      <StylePicker
        name="Caption"
        styles={CAPTION_STYLES}
        style={look.style}
        font={look.font}
        onStyle={(style) => set({ style })}
        onFont={(font) => set({ font })}
      />
      <div class="field">
        <span>{look.style === 'box' ? 'Box colour' : 'Text colour'}</span>
        <ColorSwatches label="Caption colour" value={look.color} onChange={(color) => set({ color })} />
      </div>
      {look.style === 'highlight' && (
        <div class="field">
          <span>Spoken word colour</span>
          <ColorSwatches label="Caption highlight colour" value={look.accent} onChange={(accent) => set({ accent })} />
        </div>
      )}
      <div class="choice-row">
        <button type="button" class="btn small" disabled={!!projectLook && sameLook(look, projectLook)} onClick={() => onUseForAll(look)}>
          Use this look for all clips
        </button>
        {projectLook && sameLook(look, projectLook) && <span class="muted small">The project's caption look: new clips start with it.</span>}
      </div>
    </div>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { productColor } from './colors';
import { useRecordingFrame } from './useRecordingFrame';

interface Props {
  recording: Blob;
  /** The moment shown, in the recording's seconds. */
  atSec: number;
  productIndex: number;
  /** The product's name: its first letter marks the placeholder. */
  name: string;
}

/** Frames are grabbed only for rows about to be seen. */
const NEAR = '200px';

/**
 * A clip row's poster frame, grabbed once the row comes near the screen. Until then, and where the
 * browser cannot decode the recording's picture (HEVC), a placeholder in the product's colour.
 * Decorative: the row names the clip.
 */
export function ClipPoster({ recording, atSec, productIndex, name }: Props) {
  const box = useRef<HTMLSpanElement>(null);
  const [near, setNear] = useState(false);
  const { frame: poster, url } = useRecordingFrame(recording, near ? atSec : undefined);

  useEffect(() => {
    const el = box.current;
    if (!el || near) return;
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: NEAR });
    seen.observe(el);
    return () => seen.disconnect();
  }, [near]);

  const state = url ? 'shown' : poster === null ? 'none' : 'loading';
  return (
    <span
      ref={box}
      class={`clip-poster ${state}`}
      style={{ '--product': productColor(productIndex) }}
      data-testid="clip-poster"
      data-state={state}
      aria-hidden="true"
    >
      {url ? <img src={url} alt="" /> : <span class="clip-poster-mark">{name.trim().charAt(0).toUpperCase() || '▶'}</span>}
    </span>
  );
}

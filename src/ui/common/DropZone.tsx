import { useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

interface Props {
  onFiles: (files: File[]) => void;
  accept: string;
  title: string;
  hint: ComponentChildren;
  buttonLabel: string;
  disabled?: boolean;
  testId?: string;
  compact?: boolean;
}

/** A drop target that is also a labelled file picker (keyboard: Tab to the button, Enter). */
export function DropZone({ onFiles, accept, title, hint, buttonLabel, disabled, testId, compact }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null | undefined) => {
    const files = list ? Array.from(list) : [];
    if (files.length && !disabled) onFiles(files);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file button inside is the keyboard way.
    <div
      class={`dropzone${compact ? ' compact' : ''}${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <p class="dz-title">{title}</p>
      <p class="dz-hint">{hint}</p>
      <button type="button" class="btn" disabled={disabled} onClick={() => input.current?.click()}>
        {buttonLabel}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={accept}
        hidden
        aria-label={buttonLabel}
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}

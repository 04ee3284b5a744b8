import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

/**
 * A button that opens a file picker and hands over the chosen file: a real button, so Tab reaches
 * it and Enter / Space open the picker. The input itself stays hidden (it carries the same name
 * for tests and scripts that set files on it).
 */
export function FilePickButton({ label, accept, onFile }: { label: string; accept: string; onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="btn small" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) onFile(f);
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}

/** A fieldset whose legend is the checkbox that turns the whole group on or off. */
export function ToggledFieldset(props: { label: string; on: boolean; onToggle: (on: boolean) => void; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>
        <label class="check">
          <input type="checkbox" checked={props.on} onChange={(e) => props.onToggle(e.currentTarget.checked)} />
          {props.label}
        </label>
      </legend>
      {props.children}
    </fieldset>
  );
}

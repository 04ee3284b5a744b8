import type { ComponentChildren } from 'preact';

/** A button-styled label that opens a file picker and hands over the chosen file. */
export function FilePickButton({ label, accept, onFile }: { label: string; accept: string; onFile: (f: File) => void }) {
  return (
    <label class="btn small">
      {label}
      <input
        type="file"
        accept={accept}
        hidden
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) onFile(f);
          e.currentTarget.value = '';
        }}
      />
    </label>
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

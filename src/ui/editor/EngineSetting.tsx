import { useState } from 'preact/hooks';
import type { EnginePreference } from '../../media/engine';
import { enginePreference, setEnginePreference } from '../../app/browser/preferences';

/** The app-wide engine choice; "Automatic" is right for nearly everyone. */
export function EngineSetting() {
  const [value, setValue] = useState<EnginePreference>(enginePreference);
  return (
    <details class="advanced">
      <summary>Advanced</summary>
      <label class="field">
        <span>Video engine</span>
        <select
          value={value}
          onChange={(e) => {
            const v = e.currentTarget.value as EnginePreference;
            setEnginePreference(v);
            setValue(v);
          }}
        >
          <option value="auto">Automatic (fast, falls back when needed)</option>
          <option value="webcodecs">Fast only (WebCodecs)</option>
          <option value="ffmpeg">Compatible only (ffmpeg.wasm, slower)</option>
        </select>
      </label>
    </details>
  );
}

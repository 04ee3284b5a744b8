/** App-wide preferences kept in this browser (not per project): which video engine renders. */
import type { EnginePreference } from '../../media/engine';

const ENGINE_KEY = 'lhs.engine';
const ENGINES: readonly EnginePreference[] = ['auto', 'webcodecs', 'ffmpeg'];

export function enginePreference(): EnginePreference {
  try {
    const v = localStorage.getItem(ENGINE_KEY);
    return ENGINES.find((e) => e === v) ?? 'auto';
  } catch {
    // Storage can be blocked (privacy settings): the default applies.
    return 'auto';
  }
}

export function setEnginePreference(value: EnginePreference): void {
  try {
    localStorage.setItem(ENGINE_KEY, value);
  } catch {
    // Not persisted; the choice still applies until reload through the caller's state.
  }
}

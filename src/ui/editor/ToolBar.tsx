/** The editor's tools, one sheet each on a phone. */
export const EDITOR_TOOLS = [
  { id: 'video', label: 'Video', icon: '▭' },
  { id: 'intro', label: 'Intro', icon: '★' },
  { id: 'captions', label: 'Captions', icon: '≡' },
  { id: 'text', label: 'Text', icon: 'T' },
  { id: 'stickers', label: 'Stickers', icon: '☺' },
  { id: 'music', label: 'Music', icon: '♪' },
] as const;

export type EditorTool = (typeof EDITOR_TOOLS)[number]['id'];

/**
 * On a phone, the tools live in a bar at the bottom, over the Render button: each opens its sheet
 * under the pinned preview. Hidden on wider screens, where the panels sit beside the canvas.
 */
export function ToolBar({ tool, onTool }: { tool: EditorTool; onTool: (tool: EditorTool) => void }) {
  return (
    <nav class="tool-bar" aria-label="Editor tools">
      {EDITOR_TOOLS.map((t) => (
        <button key={t.id} type="button" class="tool-btn" aria-pressed={tool === t.id} onClick={() => onTool(t.id)}>
          <span aria-hidden="true">{t.icon}</span>
          {t.label}
        </button>
      ))}
    </nav>
  );
}

/** The tool whose sheet holds an overlay: selecting one on the canvas opens its sheet. */
export function toolOf(kind: 'intro' | 'caption' | 'sticker' | 'text'): EditorTool {
  return kind === 'caption' ? 'captions' : kind === 'sticker' ? 'stickers' : kind;
}

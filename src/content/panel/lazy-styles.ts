/**
 * The rules of the lazily loaded views (the wrap-up's questions, the key list), appended to the panel's
 * stylesheet when the lazy bundle arrives (mount.ts). Minified at build like PANEL_CSS (vite.content.config.ts).
 */
export const LAZY_CSS = `
fieldset { border: 0; padding: 0; margin: 6px 0 0; min-width: 0; }
legend { font-size: 12px; color: var(--muted); padding: 0; margin-bottom: 4px; }
.scale { display: flex; gap: 4px; flex-wrap: wrap; }
.scale button { min-width: 30px; }
dl.keys { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 6px 0; }
dl.keys > div { display: contents; }
dl.keys dd { margin: 0; }
kbd { font-family: ui-monospace, monospace; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
[data-next-question] legend { font-weight: 600; }
`;

/**
 * The rules of the lazily loaded views (the wrap-up's questions, the key list, the outcome prompt), appended to the panel's
 * stylesheet when the lazy bundle arrives (mount.ts). Minified at build like PANEL_CSS (vite.content.config.ts).
 */
export const LAZY_CSS = `
.scale { display: flex; gap: 4px; flex-wrap: wrap; }
.scale button { min-width: 30px; }
dl.keys { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 6px 0; }
dl.keys > div { display: contents; }
dl.keys dd { margin: 0; }
[data-next-question] legend { font-weight: 600; }
.prompt { position: sticky; top: 45px; z-index: 1; border: 1px solid var(--accent); }
`;

/**
 * The panel's CSS, scoped by the shadow root. `:host { all: initial !important }` (mount.ts adds it) beats a page's
 * `* { all: unset !important }` on our host element (inner !important wins over outer !important),
 * and nothing here can reach the page. Colours meet WCAG AA in both themes.
 * The panel takes the highest z-index: its host comes after <body>, so it wins ties with page widgets
 * that also use the maximum (chat launchers); anything drawn over it counts as covering it (trusted.ts).
 * The rules of the wrap-up questions, the key list and the outcome prompt come with their views in the lazy bundle (lazy-styles.ts).
 */
export const PANEL_CSS = `
.panel {
  /* One palette: light-dark() picks by the panel's color-scheme (light; dark; the system's with data-theme="system"). */
  color-scheme: light;
  --bg: light-dark(#fff, #1b1f24); --fg: light-dark(#1f2933, #e6e9ec); --muted: light-dark(#4f5b66, #b4bec8);
  --line: light-dark(#d5dbe1, #39414a); --accent: light-dark(#0b6161, #6fd6d6); --accent-fg: light-dark(#fff, #0b1f1f);
  --soft: light-dark(#eef5f5, #22333a); --warn-bg: light-dark(#fff4e5, #3a2a12); --warn-fg: light-dark(#6b3a00, #ffd9a8);
  --ok: light-dark(#1d6b34, #8fe0a6); --chip: light-dark(#e8eef3, #2c343c); --focus: light-dark(#1a56db, #8ab4ff);
  position: fixed; z-index: 2147483647; width: 330px; max-height: calc(100vh - 24px); overflow: hidden;
  /* Header and notices on top, the body below scrolls (a scroll container's minimum height is 0: it shrinks). */
  display: flex; flex-direction: column;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.18); font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left; box-sizing: border-box;
  /* Its own layer and containment: page repaints beneath the panel never repaint or relayout it. */
  contain: layout style paint; will-change: transform;
}
.panel[data-theme=dark] { color-scheme: dark; }
.panel[data-theme=system] { color-scheme: light dark; }
*, *::before, *::after { box-sizing: border-box; }
header { display: flex; align-items: center; gap: 6px; padding: 8px 10px; border-bottom: 1px solid var(--line);
  cursor: move; user-select: none; }
.body { overflow: auto; }
h2 { font-size: 14px; margin: 0; font-weight: 650; white-space: nowrap; }
h3 { font-size: 12px; margin: 0 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.ticket { color: var(--muted); font-variant-numeric: tabular-nums; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 130px; }
.spacer { flex: 1; }
/* Whose ticket: its own full-width row under the title, so name and subject stay readable at 330 px. */
header:has(.whose) { flex-wrap: wrap; row-gap: 2px; }
.whose { order: 10; flex: 1 0 100%; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; }
.missing { margin: 6px 10px; padding-left: 18px; font-size: 12px; }
button { font: inherit; color: inherit; background: var(--chip); border: 1px solid var(--line); border-radius: 6px;
  padding: 4px 8px; cursor: pointer; min-height: 28px; }
button.primary, button[aria-pressed=true] { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
button.primary { font-weight: 600; }
button.icon { background: transparent; border-color: transparent; padding: 2px 6px; }
button:focus-visible, input:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
section.block { padding: 10px 12px; border-bottom: 1px solid var(--line); }
section.block:last-child { border-bottom: 0; }
ul { list-style: none; margin: 0; padding: 0; }
li.step { padding: 4px 0; }
li.step label { display: flex; gap: 8px; align-items: flex-start; cursor: pointer; }
li.step input { margin-top: 2px; width: 16px; height: 16px; accent-color: var(--accent); flex: none; }
li.step .help { color: var(--muted); font-size: 12px; margin: 2px 0 0 24px; }
.req { color: light-dark(#b3261e, #ffb4ab); font-weight: 700; text-decoration: none; }
.auto { font-size: 11px; background: var(--chip); border-radius: 4px; padding: 0 4px; color: var(--muted); }
.progress { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; color: var(--muted); font-size: 12px; }
.bar { flex: 1; height: 6px; background: var(--chip); border-radius: 3px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--accent); }
.note { background: var(--soft); border-radius: 6px; padding: 6px 8px; margin: 6px 0; display: flex; gap: 6px; align-items: center; }
.warn { background: var(--warn-bg); color: var(--warn-fg); border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
.muted { color: var(--muted); }
article.move { border: 1px solid var(--line); border-radius: 8px; padding: 8px; margin-bottom: 8px; }
.kind { display: inline-block; font-size: 11px; font-weight: 600; border-radius: 4px; padding: 0 6px; background: var(--chip); }
.kind.usage-tip { background: #dcefe3; color: #134a25; }
.kind.confidence { background: #e4e6fb; color: #26306b; }
.move h4 { margin: 4px 0; font-size: 13px; }
.move blockquote { margin: 6px 0; padding: 6px 8px; background: var(--soft); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.why { font-size: 12px; color: var(--muted); margin: 4px 0; padding-left: 16px; list-style: disc; }
.row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.outcome { font-size: 12px; color: var(--ok); font-weight: 600; }
fieldset { border: 0; padding: 0; margin: 6px 0 0; min-width: 0; }
legend { font-size: 12px; color: var(--muted); padding: 0; margin-bottom: 4px; }
details summary { cursor: pointer; color: var(--muted); font-size: 12px; }
article.move.selected { border-color: var(--accent); }
article.move:focus, section.panel:focus, [data-wrapup]:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
nav.chats { padding: 10px 12px; border-bottom: 1px solid var(--line); }
.chats ul { display: flex; flex-direction: column; gap: 4px; }
.chats button { width: 100%; text-align: left; }
.chats button[aria-current] { font-weight: 600; }
kbd { font-family: ui-monospace, monospace; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
/* Figure 4: the host is a contained, viewport-sized layer that pointers pass through (mount.ts: its :host rule is
   the host's inline style, set inside too); the panel takes them. */
.panel { pointer-events: auto; }
`;

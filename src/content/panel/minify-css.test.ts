import { describe, expect, it } from 'vitest';
import { minifyCss } from './minify-css';
import { PANEL_CSS } from './styles';

describe('minifyCss', () => {
  it('drops comments and layout whitespace but keeps what changes meaning', () => {
    const css = `/* why */\n.a > .b ,\n.c { font: 13px "Segoe  UI /* not a comment */", sans-serif ; }\nheader :focus { color : red; }\n@media (prefers-color-scheme: dark) {\n  .x { margin: 0 0 6px; width: calc(100vh - 24px); }\n}\n`;
    expect(minifyCss(css)).toBe(
      '.a>.b,.c{font:13px "Segoe  UI /* not a comment */",sans-serif}header :focus{color :red}@media (prefers-color-scheme:dark){.x{margin:0 0 6px;width:calc(100vh - 24px)}}',
    );
  });

  it('keeps every rule of the panel stylesheet (same selectors and declarations, in order)', () => {
    const min = minifyCss(PANEL_CSS);
    expect(min.length).toBeLessThan(PANEL_CSS.length * 0.9);
    // Every declaration value survives: compare the stylesheets with all whitespace and comments removed.
    const squash = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, '').replace(/;}/g, '}');
    expect(squash(min)).toBe(squash(PANEL_CSS));
  });
});

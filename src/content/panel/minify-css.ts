/**
 * The panel's stylesheet as shipped: no comments, no layout whitespace (vite.content.config.ts applies
 * it to styles.ts at build time; the source stays readable). Quoted strings are kept as written, and so
 * is whitespace before `:` (`header :focus` is a descendant selector, `header:focus` is not).
 */
const QUOTED = `"[^"]*"|'[^']*'`;

export function minifyCss(css: string): string {
  return css
    .replace(new RegExp(`(${QUOTED})|/\\*[\\s\\S]*?\\*/`, 'g'), (_, quoted: string | undefined) => quoted ?? '')
    .replace(new RegExp(`(${QUOTED})|\\s+`, 'g'), (_, quoted: string | undefined) => quoted ?? ' ')
    .replace(new RegExp(`(${QUOTED})|\\s*([{};,>])\\s*|:\\s+`, 'g'), (_, quoted: string | undefined, punct: string | undefined) => quoted ?? punct ?? ':')
    .replace(/;}/g, '}')
    .trim();
}

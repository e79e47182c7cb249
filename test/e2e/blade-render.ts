/**
 * Renders a Laravel Blade view well enough to get the HTML a real open-source helpdesk shows its agents,
 * without PHP: directives are parsed, `@if` conditions and `{{ expressions }}` are answered by the
 * caller's tables (anything unknown is false / empty), `@foreach` loops only over what the caller
 * provides, `@include` inlines the views the caller names and drops the rest. The markup — element
 * structure, ids, classes — is the helpdesk's own; only the data is ours.
 */

export interface BladeEnv {
  /** The view's source by name ('conversations/partials/thread'); null to drop the include. */
  view(name: string): string | null;
  /** Truth of an `@if`/`@elseif` condition in this scope. */
  cond(expr: string, scope: Scope): boolean;
  /** Text of a `{{ expr }}` (escaped) or `{!! expr !!}` (raw) in this scope. */
  value(expr: string, scope: Scope): string;
  /** Items of a `@foreach (LIST as ...)`, each a scope addition; [] for unknown lists. */
  loop(expr: string, scope: Scope): Scope[];
}
export type Scope = Readonly<Record<string, unknown>>;

type Node = { text: string } | { dir: string; args: string };
type Tree = ({ text: string } | { if: { cond: string | null; body: Tree }[] } | { each: string; body: Tree } | { include: string })[];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function tokens(src: string): Node[] {
  const out: Node[] = [];
  const s = src.replace(/\{\{--[\s\S]*?--\}\}/g, '').replace(/@php\b[\s\S]*?@endphp/g, '');
  let text = '';
  let i = 0;
  while (i < s.length) {
    const m = /^@([a-zA-Z]+)/.exec(s.slice(i, i + 40));
    const prev = s[i - 1] ?? ' ';
    if (s[i] !== '@' || !m || /[\w.@]/.test(prev)) {
      text += s[i];
      i++;
      continue;
    }
    const name = m[1] as string;
    let j = i + m[0].length;
    let args = '';
    const ws = /^[ \t]*/.exec(s.slice(j))?.[0] ?? '';
    if (s[j + ws.length] === '(') {
      let depth = 0;
      let k = j + ws.length;
      let quote: string | null = null;
      for (; k < s.length; k++) {
        const c = s[k] as string;
        if (quote) {
          if (c === '\\') k++;
          else if (c === quote) quote = null;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      args = s.slice(j + ws.length + 1, k);
      j = k + 1;
    }
    if (text) out.push({ text });
    text = '';
    out.push({ dir: name, args });
    i = j;
  }
  if (text) out.push({ text });
  return out;
}

function parse(nodes: Node[], pos: { i: number }, until: Set<string>): Tree {
  const tree: Tree = [];
  while (pos.i < nodes.length) {
    const n = nodes[pos.i] as Node;
    if ('text' in n) {
      tree.push(n);
      pos.i++;
      continue;
    }
    if (until.has(n.dir)) return tree;
    pos.i++;
    if (n.dir === 'if') {
      const branches: { cond: string | null; body: Tree }[] = [];
      let cond: string | null = n.args;
      for (;;) {
        const body = parse(nodes, pos, new Set(['elseif', 'else', 'endif']));
        branches.push({ cond, body });
        const end = nodes[pos.i] as { dir: string; args: string } | undefined;
        pos.i++;
        if (!end || end.dir === 'endif') break;
        cond = end.dir === 'else' ? null : end.args;
      }
      tree.push({ if: branches });
    } else if (n.dir === 'foreach') {
      tree.push({ each: n.args, body: parse(nodes, pos, new Set(['endforeach'])) });
      pos.i++;
    } else if (n.dir === 'section' && !/,/.test(n.args)) {
      parse(nodes, pos, new Set(['endsection', 'show', 'stop'])); // block sections belong to the layout
      pos.i++;
    } else if (n.dir === 'include') {
      tree.push({ include: /^\s*['"]([^'"]+)['"]/.exec(n.args)?.[1] ?? '' });
    }
    // Every other directive (@action, @csrf, @continue, @extends, @parent, …) renders nothing here.
  }
  return tree;
}

function run(tree: Tree, env: BladeEnv, scope: Scope, depth: number): string {
  let out = '';
  for (const node of tree) {
    if ('text' in node) {
      out += node.text
        .replace(/\{!!([\s\S]*?)!!\}/g, (_, e: string) => env.value(e.trim(), scope))
        .replace(/\{\{([\s\S]*?)\}\}/g, (_, e: string) => escapeHtml(env.value(e.trim(), scope)));
    } else if ('if' in node) {
      const hit = node.if.find((b) => b.cond === null || env.cond(b.cond, scope));
      if (hit) out += run(hit.body, env, scope, depth);
    } else if ('each' in node) {
      for (const item of env.loop(node.each, scope)) out += run(node.body, env, { ...scope, ...item }, depth);
    } else if (depth < 8) {
      const src = env.view(node.include.replace(/\./g, '/'));
      if (src) out += renderBlade(src, env, scope, depth + 1);
    }
  }
  return out;
}

/** The HTML of `section` (e.g. 'content') of a view, or of the whole view when `section` is omitted. */
export function renderBlade(src: string, env: BladeEnv, scope: Scope = {}, depth = 0, section?: string): string {
  const nodes = tokens(src);
  if (section) {
    const start = nodes.findIndex((n) => 'dir' in n && n.dir === 'section' && new RegExp(`^\\s*['"]${section}['"]\\s*$`).test(n.args));
    if (start < 0) throw new Error(`no @section('${section}')`);
    return run(parse(nodes, { i: start + 1 }, new Set(['endsection', 'show', 'stop'])), env, scope, depth);
  }
  return run(parse(nodes, { i: 0 }, new Set()), env, scope, depth);
}

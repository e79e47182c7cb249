/**
 * Checks on the built extension (both browsers): permissions equal the committed snapshot (any widening
 * is a visible diff), no eval/new Function/remote code, no external messaging, CSP left at the default.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPDESK_SCRIPTS } from '../../src/background/helpdesk-scripts';

const snapshot = JSON.parse(readFileSync(resolve('test/manifest-permissions.json'), 'utf8'));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

for (const target of ['chromium', 'firefox']) {
  describe(`${target} build`, () => {
    const dist = resolve('dist', target);
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));

    it('asks for exactly the permissions in the committed snapshot', () => {
      const only: string[] = target === 'chromium' ? [] : snapshot.chromium_only_permissions;
      expect([...manifest.permissions].sort()).toEqual(snapshot.permissions.filter((p: string) => !only.includes(p)));
      expect([...manifest.host_permissions].sort()).toEqual(snapshot.host_permissions);
      expect(manifest.optional_host_permissions).toEqual(snapshot.optional_host_permissions);
      // Content scripts run on the helpdesks' agent paths only, each within a host we hold: the worker
      // injects them after load (src/background/helpdesk-scripts.ts), the manifest declares none.
      expect(manifest.content_scripts).toBeUndefined();
      const matches: string[] = HELPDESK_SCRIPTS.flatMap((c) => c.matches);
      expect([...matches].sort()).toEqual(snapshot.content_script_matches);
      for (const m of matches) expect(snapshot.host_permissions, m).toContain(`${/^https:\/\/[^/]+\//.exec(m)?.[0]}*`);
      expect(manifest.web_accessible_resources ?? []).toEqual(snapshot.web_accessible_resources);
      expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    });

    it('opens no external messaging and keeps the default CSP', () => {
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.content_security_policy).toBeUndefined();
    });

    it('contains no eval, new Function or remote script', () => {
      const offenders: string[] = [];
      for (const f of files(dist).filter((x) => /\.(js|html)$/.test(x))) {
        const text = readFileSync(f, 'utf8');
        if (/\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*["'`]/.test(text)) offenders.push(`${f}: eval-like`);
        if (/<script[^>]+src=["']https?:/i.test(text) || /import\s*\(\s*["'`]https?:/.test(text)) offenders.push(`${f}: remote script`);
      }
      expect(offenders).toEqual([]);
    });

    it('ships each content script as one self-contained file that loads nothing', () => {
      for (const cs of HELPDESK_SCRIPTS) {
        const text = readFileSync(join(dist, cs.file), 'utf8');
        expect(text, cs.file).not.toMatch(/\bimport\s*\(|^\s*import\s|chrome\.runtime\.getURL|runtime\.getURL/m);
      }
    });

    it('takes its version from package.json', () => {
      const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8'));
      expect(manifest.version).toBe(pkg.version);
    });
  });
}

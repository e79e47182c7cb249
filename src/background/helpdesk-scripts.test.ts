/**
 * The helpdesks' match table (helpdesk-scripts.ts) is the one place their content-script URLs live: the
 * manifest declares none, every pattern lies inside a host the manifest holds (so the worker sees the
 * tab's URL without the "tabs" permission and may inject), every bundle it names is built, and each
 * fixture's URL finds its own helpdesk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInFixtureCases } from '../../test/unit/fixture';
import { SITES } from '../sites/sites';
import { HELPDESK_SCRIPTS, helpdeskScriptFor } from './helpdesk-scripts';
import { parseMatchPattern } from './match-pattern';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { content_scripts?: unknown; host_permissions: string[]; permissions: string[] };

describe('HELPDESK_SCRIPTS', () => {
  it('is the only list: the manifest declares no content scripts and asks for neither tabs nor webNavigation', () => {
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).not.toContain('webNavigation');
  });

  it('has one entry per built-in helpdesk, each naming its own bundle, which exists', () => {
    expect(HELPDESK_SCRIPTS.map((s) => s.id).sort()).toEqual(SITES.map((s) => s.id).sort());
    for (const s of HELPDESK_SCRIPTS) {
      expect(s.file).toBe(`content/${s.id}.js`);
      expect(existsSync(join('src/content/bundles', `${s.id}.ts`)), s.file).toBe(true);
    }
  });

  it('keeps every pattern inside a host the manifest holds', () => {
    const held = manifest.host_permissions.map(parseMatchPattern);
    for (const s of HELPDESK_SCRIPTS) {
      for (const p of s.matches.map(parseMatchPattern)) {
        const covered = held.some((h) => h.path === '/*' && h.schemes.join() === p.schemes.join() && h.host === p.host && (h.subdomains || !p.subdomains));
        expect(covered, `${s.id}: ${p.host}`).toBe(true);
      }
    }
  });

  it('finds each fixture’s helpdesk from its URL, and none on the helpdesks’ public pages', () => {
    let n = 0;
    for (const c of builtInFixtureCases()) {
      expect(helpdeskScriptFor(c.url)?.id, c.url).toBe(c.adapter);
      n++;
    }
    expect(n).toBeGreaterThanOrEqual(10);
    for (const url of ['https://acme.zendesk.com/hc/en-us', 'https://acme.freshdesk.com/support/home', 'https://acme.gorgias.com/login', 'https://desk.zoho.eu/portal/acme/en/home', 'http://acme.zendesk.com/agent/tickets/1', 'https://zendesk.com.evil.example/agent/', 'about:blank', undefined]) {
      expect(helpdeskScriptFor(url), String(url)).toBeNull();
    }
  });
});

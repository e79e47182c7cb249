/**
 * A bare Chrome DevTools Protocol client over `--remote-debugging-pipe`, for the one figure Playwright
 * cannot measure: Playwright attaches to every service worker, and an attached debugger keeps an
 * extension's worker alive forever. This client attaches to page targets only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM } from './browser';

export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

export class PipeBrowser {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(e: CdpEvent) => void>();
  private buffer = '';

  private constructor(
    private readonly proc: ChildProcess,
    private readonly profile: string,
  ) {
    const out = proc.stdio[4] as Readable;
    out.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      for (let i = this.buffer.indexOf('\0'); i >= 0; i = this.buffer.indexOf('\0')) {
        const msg = JSON.parse(this.buffer.slice(0, i)) as { id?: number; result?: unknown; error?: { message: string } } & CdpEvent;
        this.buffer = this.buffer.slice(i + 1);
        const waiter = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
        if (waiter) {
          this.pending.delete(msg.id!);
          if (msg.error) waiter.reject(new Error(`CDP: ${msg.error.message}`));
          else waiter.resolve(msg.result);
        } else if (msg.method) for (const l of this.listeners) l(msg);
      }
    });
  }

  /** Headless Chromium with `dist` loaded, in a fresh profile, with nothing attached to anything. */
  static launch(dist: string): PipeBrowser {
    const profile = mkdtempSync(join(tmpdir(), 'rp-bench-pipe-'));
    const proc = spawn(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-sync',
        '--disable-background-networking',
        '--disable-component-update',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        `--disable-extensions-except=${dist}`,
        `--load-extension=${dist}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new PipeBrowser(proc, profile);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    const msg = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      (this.proc.stdio[3] as Writable).write(`${msg}\0`);
    });
  }

  on(listener: (e: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens `url` in a new tab and attaches to it (flat session). */
  async open(url: string): Promise<{ targetId: string; sessionId: string }> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    return { targetId, sessionId };
  }

  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const r = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text}`);
    return r.result.value;
  }

  async close(): Promise<void> {
    await this.send('Browser.close').catch(() => {});
    await new Promise((r) => {
      if (this.proc.exitCode !== null) r(null);
      else {
        this.proc.once('exit', r);
        setTimeout(() => {
          this.proc.kill('SIGKILL');
          r(null);
        }, 5_000);
      }
    });
    rmSync(this.profile, { recursive: true, force: true });
  }
}

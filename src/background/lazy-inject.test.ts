import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL } from '../messaging/protocol';
import { createRouter, type Handlers, type SenderInfo } from '../messaging/router';
import { injectLazyBundle, LAZY_FILES } from './lazy-inject';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const EXT = 'hhpodeaeiojcbopfeojoalidnnbfcnid';
const ORIGIN = `chrome-extension://${EXT}/`;
const content = (tab: number, frameId?: number): SenderInfo => ({ id: EXT, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: tab }, frameId });

describe('content/lazy: the worker injects its one fixed file into the asking tab and frame', () => {
  it('injects only content/lazy.js, into the sender’s own tab and frame', async () => {
    const inject = vi.fn(async () => []);
    await injectLazyBundle(content(7), inject);
    await injectLazyBundle(content(12, 3), inject);
    expect(inject.mock.calls).toEqual([
      [{ target: { tabId: 7, frameIds: [0] }, files: ['content/lazy.js'] }],
      [{ target: { tabId: 12, frameIds: [3] }, files: ['content/lazy.js'] }],
    ]);
    expect(LAZY_FILES).toEqual(['content/lazy.js']);
  });

  it('refuses a sender without a tab', async () => {
    const inject = vi.fn(async () => []);
    await expect(injectLazyBundle({ id: EXT, url: `${ORIGIN}src/pages/options/index.html` }, inject)).rejects.toThrow(/helpdesk tab/);
    expect(inject).not.toHaveBeenCalled();
  });

  it('a message cannot name a file, a tab or a frame, and pages cannot send it', async () => {
    const inject = vi.fn(async () => []);
    const handlers = { 'content/lazy': (_: unknown, sender: SenderInfo) => injectLazyBundle(sender, inject) } as unknown as Handlers;
    const route = createRouter(handlers, { extensionId: EXT, extensionOrigin: ORIGIN, onReject: () => {} });
    const ask = (payload: unknown, sender = content(7)) => route({ rp: 1, name: 'content/lazy', payload }, sender);
    for (const payload of [{ file: 'content/zendesk.js' }, { files: ['../popup.js'] }, { tabId: 99 }, { frameIds: [0, 1] }, { target: { tabId: 99 } }]) {
      expect(await ask(payload), JSON.stringify(payload)).toMatchObject({ ok: false });
    }
    expect(await ask({}, { id: EXT, url: `${ORIGIN}src/pages/dashboard/index.html` })).toMatchObject({ ok: false });
    expect(inject).not.toHaveBeenCalled();
    expect(await ask({})).toEqual({ ok: true, result: { injected: true } });
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['content/lazy.js'] });
    expect(PROTOCOL['content/lazy'].from).toEqual(['content']);
  });
});

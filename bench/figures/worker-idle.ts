/**
 * Figure 10: how long the service worker stays running after the last message. Playwright cannot
 * measure this (it attaches a debugger to every service worker, and an attached worker never idles
 * out), so this figure drives Chromium over a bare CDP pipe, attached to page targets only: an
 * extension page sends one message, and a page session's `ServiceWorker.enable` reports
 * `workerVersionUpdated` running-status changes. No keep-alive: the product must let it go.
 */
import { distSnapshot } from '../lib/browser';
import type { Log, Sizes } from '../lib/config';
import { PipeBrowser } from '../lib/cdp-pipe';
import { type Figure, makeFigure, missingFigure } from '../lib/report';
import { sleep } from '../lib/stats';

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

export interface IdleResult {
  /** Seconds from the reply to the last message until the worker stopped; null if it never did. */
  seconds: number | null;
  /** Worker restarts seen in the window (alarms, events). */
  restarts: number;
}

export async function measureWorkerIdle(capSeconds: number, log: Log): Promise<IdleResult> {
  const b = PipeBrowser.launch(distSnapshot());
  try {
    let status = '';
    let stoppedAt: number | null = null;
    let lastMessageAt = 0;
    let restarts = 0;
    const history: string[] = [];
    const started = Date.now();
    const { sessionId: watch } = await b.open('about:blank');
    b.on((e) => {
      if (e.method !== 'ServiceWorker.workerVersionUpdated') return;
      for (const v of (e.params as { versions: Version[] }).versions) {
        if (!v.scriptURL.startsWith('chrome-extension://')) continue;
        if (v.runningStatus !== status) {
          history.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${v.runningStatus}`);
          if (lastMessageAt && v.runningStatus === 'stopped' && stoppedAt === null) stoppedAt = Date.now();
          if (lastMessageAt && v.runningStatus === 'starting') restarts++;
          status = v.runningStatus;
        }
      }
    });
    await b.send('ServiceWorker.enable', {}, watch);
    // The worker registers on install; find the extension from its target.
    let extensionId = '';
    for (let i = 0; i < 100 && !extensionId; i++) {
      const { targetInfos } = await b.send<{ targetInfos: { type: string; url: string; targetId: string }[] }>('Target.getTargets');
      const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
      if (sw) extensionId = new URL(sw.url).host;
      for (const t of targetInfos) if (t.type === 'page' && t.url.includes('/welcome/')) await b.send('Target.closeTarget', { targetId: t.targetId });
      if (!extensionId) await sleep(100);
    }
    if (!extensionId) throw new Error('the extension service worker never appeared');
    const sender = await b.open(`chrome-extension://${extensionId}/src/pages/popup/index.html`);
    await sleep(500);
    const ok = await b.evaluate<boolean>(sender.sessionId, `chrome.runtime.sendMessage({ rp: 1, name: 'playbook/active', payload: {} }).then((r) => !!(r && r.ok))`);
    if (!ok) throw new Error('playbook/active was not answered');
    lastMessageAt = Date.now();
    stoppedAt = null;
    restarts = 0;
    // Leave nothing open in the extension's origin (the welcome tab may have opened late).
    const { targetInfos } = await b.send<{ targetInfos: { type: string; url: string; targetId: string }[] }>('Target.getTargets');
    for (const t of targetInfos) if (t.type === 'page' && t.url.startsWith('chrome-extension://')) await b.send('Target.closeTarget', { targetId: t.targetId });
    for (let waited = 0; stoppedAt === null && waited < capSeconds * 1000; waited += 250) await sleep(250);
    const seconds = stoppedAt === null ? null : (stoppedAt - lastMessageAt) / 1000;
    log(
      `  worker stopped ${seconds === null ? `never within ${capSeconds} s` : `${seconds.toFixed(1)} s`} after the last message at ${((lastMessageAt - started) / 1000).toFixed(1)}s (${restarts} restarts; ${history.join(', ')})`,
    );
    return { seconds, restarts };
  } finally {
    await b.close();
  }
}

export function workerIdleFigures(r: IdleResult, sizes: Sizes): Figure[] {
  const spec = { id: '10', figure: 'service worker stops after the last message', unit: 's', goal: '≤ 60 s' };
  if (r.seconds === null) return [missingFigure(spec, `still running ${sizes.idleCapSeconds} s after the last message`)];
  return [
    makeFigure({
      ...spec,
      samples: [r.seconds],
      check: (f) => f.median <= 60,
      digits: 1,
      note: `bare CDP pipe (no debugger on the worker), ServiceWorker.workerVersionUpdated on a page session; one playbook/active message from the popup page, then nothing${r.restarts ? `; ${r.restarts} restarts in between` : ''}; Chromium's idle timeout is 30 s`,
    }),
  ];
}

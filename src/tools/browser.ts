/**
 * Headless Chromium for the page tests and the guide's screenshots: Debian's Chromium driven by
 * playwright-core, the pages served on loopback, the add-on's pages given a stand-in for
 * google.script.run that records each call and answers with what the test set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Stand-in for google.script.run: records calls in window.__calls and answers each with
 * window.__results[name] (a list answers in turn) or window.__result; google.script.host.close
 * sets window.__closed.
 */
export const GOOGLE_STUB = `<script>
  window.__calls = [];
  window.__result = null;
  function runner(success, failure) {
    return new Proxy({}, { get: function (_t, name) {
      if (name === 'withSuccessHandler') return function (f) { return runner(f, failure); };
      if (name === 'withFailureHandler') return function (f) { return runner(success, f); };
      return function () {
        window.__calls.push([name].concat(Array.prototype.slice.call(arguments)));
        var per = window.__results && window.__results[name];
        var result = per === undefined ? window.__result : Array.isArray(per) ? (per.length > 1 ? per.shift() : per[0]) : per;
        if (success) setTimeout(function () { success(result); }, 0);
      };
    }});
  }
  window.google = { script: { run: runner(null, null), host: { close: function () { window.__closed = true; } } } };
</script>`;

/** A built add-on page (dist/<name>.html) with its data in place and the stand-in in its head. */
export function addonPage(dist: string, name: string, dataJson: string): string {
  const html = readFileSync(join(dist, `${name}.html`), 'utf8').replace('<?!= data ?>', dataJson);
  return html.replace('<head>', `<head>${GOOGLE_STUB}`);
}

export interface PageServer {
  base: string;
  /** Every path asked of the server, in order. */
  asked: string[];
  close(): Promise<void>;
}

/** Serves path → HTML on 127.0.0.1 (an unknown path is a 404). */
export async function servePages(pages: ReadonlyMap<string, string>): Promise<PageServer> {
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    asked.push(req.url ?? '');
    const body = pages.get(path);
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

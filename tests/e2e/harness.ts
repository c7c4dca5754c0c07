// Runs the real renderer build in Debian's Chromium (Playwright) with a window.api that calls the
// real main-process handlers in Node: same contract, same handlers and database, only the
// transport differs (a Playwright binding instead of Electron IPC).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDispatcher, type Handlers } from '../../src/main/ipc/dispatcher.ts';
import { createHandlers, type HandlerDeps } from '../../src/main/ipc/handlers.ts';
import type { JobEvent } from '../../src/shared/ipc/jobEvents.ts';
import { CHANNELS } from '../../src/shared/ipc/channels.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '../..');
const rendererDir = join(root, 'out', 'renderer');

/** Browser tests run when Chromium is installed; CI sets SLOTWISE_REQUIRE_BROWSER=1 so they never skip there. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['SLOTWISE_REQUIRE_BROWSER'] === '1') {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium).`);
  }
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
  return false;
}

/**
 * Builds the renderer once per test run: browser test files run in parallel worker processes of
 * one Vitest run (same parent pid); the first takes a lock and builds, the others wait for it.
 */
export async function buildRenderer(): Promise<void> {
  const marker = join(root, 'out', `.renderer-build-${process.ppid}`);
  mkdirSync(join(root, 'out'), { recursive: true });
  try {
    mkdirSync(`${marker}.lock`);
  } catch {
    const end = Date.now() + 120_000;
    while (!existsSync(marker)) {
      if (Date.now() > end) throw new Error('timed out waiting for the renderer build of another test file');
      await new Promise((r) => setTimeout(r, 200));
    }
    return;
  }
  for (const old of readdirSync(join(root, 'out'))) {
    if (old.startsWith('.renderer-build-') && !old.startsWith(`.renderer-build-${process.ppid}`))
      rmSync(join(root, 'out', old), { recursive: true, force: true });
  }
  try {
    buildRendererNow();
  } finally {
    writeFileSync(marker, String(Date.now()));
  }
}

function buildRendererNow(): void {
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'pipe',
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]));
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
    }),
  );
}

/** Saves a screenshot into docs/screenshots/<name>.png when SLOTWISE_SCREENSHOTS=1 (kept out of plain test runs). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env['SLOTWISE_SCREENSHOTS'] !== '1') return;
  mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'docs', 'screenshots', `${name}.png`) });
}

export interface AppSession {
  page: Page;
  userDataDir: string;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function launchApp(
  opts: { userDataDir?: string; handlers?: Handlers; deps?: Partial<HandlerDeps> } = {},
): Promise<AppSession> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'slotwise-e2e-'));
  // Job events reach the page as Electron's webContents.send would deliver them: pushed, in order.
  let deliver: (event: JobEvent) => void = () => {};
  const emit = (event: JobEvent): void => deliver(event);
  const dispatch = createDispatcher(opts.handlers ?? createHandlers({ userDataDir, ...opts.deps, emit }));
  const { server, url } = await serve(rendererDir);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({
    viewport: { width: 1366, height: 768 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await page.exposeBinding('__slotwiseInvoke', (_source, channel: unknown, payload: unknown) =>
    dispatch(channel, payload),
  );
  await page.addInitScript((channels: readonly string[]) => {
    type Env = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
    const w = globalThis as unknown as {
      __slotwiseInvoke: (c: string, p: unknown) => Promise<Env>;
      api: Record<string, unknown>;
    };
    const api: Record<string, (p?: unknown) => Promise<unknown>> = {};
    for (const channel of channels) {
      const name = channel.replace(/[:-](\w)/g, (_m, c: string) => c.toUpperCase());
      api[name] = async (payload?: unknown) => {
        const env = await w.__slotwiseInvoke(channel, payload);
        if (env.ok) return env.value;
        throw Object.assign(new Error(env.error.message), { code: env.error.code });
      };
    }
    const listeners = new Set<(e: unknown) => void>();
    const bridge: Record<string, unknown> = { ...api };
    bridge['onJobEvent'] = (listener: (e: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    (globalThis as unknown as { __slotwiseJobEvent: (e: unknown) => void }).__slotwiseJobEvent = (e) => {
      for (const l of listeners) l(e);
    };
    w.api = Object.freeze(bridge);
  }, CHANNELS);
  let chain = Promise.resolve();
  deliver = (event) => {
    chain = chain
      .then(() =>
        page.evaluate((e) => {
          const g = globalThis as unknown as { __slotwiseJobEvent?: (x: unknown) => void };
          g.__slotwiseJobEvent?.(e);
        }, event),
      )
      .catch(() => {});
  };
  await page.goto(url);
  return {
    page,
    userDataDir,
    reload: async () => {
      await page.reload();
    },
    close: async () => {
      deliver = () => {};
      await browser.close();
      server.close();
    },
  };
}

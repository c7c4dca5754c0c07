// Electron's security checklist, checked on our sources (what a scanner such as electronegativity
// looks for, but following our own structure: the window policy lives in src/main/security).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CSP_META_POLICY,
  CONTENT_SECURITY_POLICY,
  WEB_PREFERENCES,
} from '../../src/main/security/windowPolicy.ts';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string, pattern = /\.(ts|tsx|js|cjs|mjs|html)$/): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel, pattern));
    else if (pattern.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');

/**
 * Strips comments so prose that mentions an API does not count as using it. Line comments go
 * first, so a `/*` written inside one (e.g. "src/main/*") does not open a block comment.
 */
function code(rel: string): string {
  return read(rel)
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/\/\*[\s\S]*?\*\//g, '');
}

/** The text of the balanced (...) or {...} that opens at `open`. */
function balanced(text: string, open: number): string {
  const pairs: Record<string, string> = { '(': ')', '{': '}' };
  const close = pairs[text[open]];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === text[open]) depth++;
    else if (text[i] === close && --depth === 0) return text.slice(open, i + 1);
  }
  throw new Error(`unbalanced ${text[open]} at ${open}`);
}

const shellFiles = sourceFiles('src/main/shell');
const shellCode = shellFiles.map(code).join('\n');

describe('Electron security checklist (sources)', () => {
  it('every BrowserWindow takes WEB_PREFERENCES, adding only the preload script', () => {
    let windows = 0;
    for (const file of shellFiles) {
      const text = code(file);
      for (const m of text.matchAll(/new BrowserWindow\(/g)) {
        windows++;
        const args = balanced(text, m.index + m[0].length - 1);
        const prefs = /webPreferences:\s*\{/.exec(args);
        expect(prefs, `${file}: new BrowserWindow without webPreferences`).not.toBeNull();
        const body = balanced(args, prefs!.index + prefs![0].length - 1)
          .slice(1, -1)
          .trim();
        expect(
          body.startsWith('...WEB_PREFERENCES'),
          `${file}: webPreferences must spread WEB_PREFERENCES`,
        ).toBe(true);
        const overrides = body
          .slice('...WEB_PREFERENCES'.length)
          .split(/,(?![^(]*\))/)
          .map((p) => p.trim().split(':')[0].trim())
          .filter(Boolean);
        expect(overrides, `${file}: only preload may be added to WEB_PREFERENCES`).toEqual(['preload']);
      }
    }
    expect(windows).toBeGreaterThan(0);
  });

  it('the policy isolates, sandboxes and keeps Node out of the page', () => {
    expect(WEB_PREFERENCES).toEqual(
      expect.objectContaining({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      }),
    );
  });

  it('no source weakens a window anywhere', () => {
    const weakening =
      /(contextIsolation|sandbox|webSecurity):\s*false|(nodeIntegration\w*|allowRunningInsecureContent|experimentalFeatures|webviewTag|enableBlinkFeatures):\s*true|disable-web-security|enableRemoteModule/;
    for (const file of sourceFiles('src')) expect(weakening.exec(code(file))?.[0], file).toBeUndefined();
  });

  it('navigation away from our pages is prevented', () => {
    expect(shellCode).toMatch(
      /\.on\('will-navigate',[\s\S]{0,200}isOwnUrl\([\s\S]{0,120}event\.preventDefault\(\)/,
    );
    expect(shellCode).toMatch(/\.on\('will-attach-webview',\s*\(event\)\s*=>\s*event\.preventDefault\(\)/);
  });

  it('new windows are always denied; links open outside only when vetted', () => {
    const handlers = [...shellCode.matchAll(/setWindowOpenHandler\(/g)].map((m) =>
      balanced(shellCode, m.index + m[0].length - 1),
    );
    expect(handlers.length).toBeGreaterThan(1); // our window's, and every other web contents'
    for (const h of handlers) {
      expect(h).toMatch(/(return |=> \()\{ action: 'deny' \}\)?/);
      expect(h).not.toMatch(/'allow'/);
    }
    const opens = [...shellCode.matchAll(/shell\.openExternal\((\w+)\)/g)];
    for (const m of opens) {
      const before = shellCode.slice(Math.max(0, m.index - 80), m.index);
      expect(before, 'shell.openExternal must sit behind isVettedExternalUrl').toMatch(
        new RegExp(`if \\(isVettedExternalUrl\\(${m[1]}\\)\\)\\s*(void )?$`),
      );
    }
    for (const file of sourceFiles('src').filter((f) => !f.startsWith('src/main/shell/'))) {
      expect(code(file), file).not.toMatch(/openExternal\(/);
    }
  });

  it('permission requests and checks are denied', () => {
    expect(shellCode).toMatch(/setPermissionRequestHandler\(\([^)]*\)\s*=>\s*callback\(false\)\)/);
    expect(shellCode).toMatch(/setPermissionCheckHandler\(\(\)\s*=>\s*false\)/);
  });

  it('IPC is served only to our own main frame, through one channel', () => {
    expect(shellCode).not.toMatch(/ipcMain\.on\(/);
    const handles = [...shellCode.matchAll(/ipcMain\.handle\(/g)];
    expect(handles.length).toBe(1);
    for (const m of handles) {
      const call = balanced(shellCode, m.index + m[0].length - 1);
      expect(call).toMatch(/isOwnUrl\(frameUrl/);
      expect(call).toMatch(/event\.senderFrame !== event\.sender\.mainFrame/);
      expect(call).toMatch(/forbidden_sender/);
      expect(call).toMatch(/dispatch\(channel, payload\)/);
    }
  });

  it('the response header carries the CSP and the renderer states the same policy', () => {
    expect(shellCode).toMatch(/'Content-Security-Policy': \[CONTENT_SECURITY_POLICY\]/);
    const html = read('src/renderer/index.html');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta, 'src/renderer/index.html needs a CSP meta tag').not.toBeNull();
    expect(meta![1]).toBe(CSP_META_POLICY);
    expect(CONTENT_SECURITY_POLICY.startsWith(CSP_META_POLICY)).toBe(true);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('the renderer has no Node, no electron and no eval; the preload exposes only window.api', () => {
    for (const file of sourceFiles('src/renderer')) {
      const text = code(file);
      expect(text, file).not.toMatch(/ipcRenderer|from 'electron'|require\(|\beval\(|new Function\(/);
      expect(text, file).not.toMatch(/from 'node:/);
    }
    const preload = sourceFiles('src/preload').map(code).join('\n');
    const exposed = [...preload.matchAll(/exposeInMainWorld\('(\w+)',\s*([^)]*)\)/g)];
    expect(exposed.map((m) => m[1])).toEqual(['api']);
    expect(exposed[0][2]).toMatch(/^Object\.freeze\(api/);
    expect(preload).toMatch(/ipcRenderer\.invoke\('slotwise:invoke'/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('pages are loaded only from the package or the dev server', () => {
    for (const m of shellCode.matchAll(/\.loadURL\(([^)]*)\)/g)) expect(m[1]).toBe('devServerUrl');
    expect(shellCode).toMatch(/\.loadFile\(/);
  });

  it('only the shell and the preload import electron', () => {
    for (const file of sourceFiles('src', /\.(ts|tsx)$/)) {
      if (file.startsWith('src/main/shell/') || file.startsWith('src/preload/')) continue;
      expect(code(file), relative(ROOT, join(ROOT, file))).not.toMatch(/from 'electron'/);
    }
  });
});

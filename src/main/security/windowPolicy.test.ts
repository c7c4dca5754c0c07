import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_META_POLICY,
  WEB_PREFERENCES,
  isOwnUrl,
  isVettedExternalUrl,
} from './windowPolicy.ts';

describe('window security policy', () => {
  it('isolates and sandboxes the page with no Node access', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('has a CSP with no remote sources, no eval and no inline script', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('treats only packaged pages (or the dev server) as our own', () => {
    expect(isOwnUrl('file:///opt/slotwise/out/renderer/index.html')).toBe(true);
    expect(isOwnUrl('https://example.com/')).toBe(false);
    expect(isOwnUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it('compares the dev server by origin, not by prefix', () => {
    const dev = 'http://localhost:5173';
    expect(isOwnUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isOwnUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isOwnUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isOwnUrl('https://localhost:5173/', dev)).toBe(false);
  });

  it('accepts only files inside the renderer folder when it is known', () => {
    const dir = '/opt/slotwise/resources/app.asar/out/renderer';
    expect(isOwnUrl('file:///opt/slotwise/resources/app.asar/out/renderer/index.html', undefined, dir)).toBe(
      true,
    );
    expect(isOwnUrl('file:///etc/passwd', undefined, dir)).toBe(false);
    expect(isOwnUrl('file:///opt/slotwise/resources/app.asar/out/renderer-evil/x.html', undefined, dir)).toBe(
      false,
    );
    expect(
      isOwnUrl('file:///opt/slotwise/resources/app.asar/out/renderer/../../x.html', undefined, dir),
    ).toBe(false);
  });

  it('states the same policy in the meta tag, minus what a meta tag cannot carry', () => {
    expect(CSP_META_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('opens only plain https links externally', () => {
    expect(isVettedExternalUrl('https://example.org/docs')).toBe(true);
    for (const bad of [
      'http://x.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://u:p@x.org',
      'nonsense',
    ]) {
      expect(isVettedExternalUrl(bad)).toBe(false);
    }
  });
});

// The window's security settings, kept free of electron imports so tests can assert them.
// Electron's checklist: isolation, sandbox, no Node in the page, strict CSP, no navigation,
// no new windows, permissions denied, IPC only from our own frame.
import { pathToFileURL } from 'node:url';

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  /** A middle click would otherwise follow links outside the new-window handler. */
  disableBlinkFeatures: 'Auxclick',
} as const;

const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** No remote content, no eval, no inline scripts; styles may be inline (React style props). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * The same policy as the renderer's `<meta http-equiv="Content-Security-Policy">` states it:
 * browsers ignore `frame-ancestors` in a meta element, so only the response header carries it.
 */
export const CSP_META_POLICY = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
}

/**
 * The app's own pages: the dev server's origin in development, otherwise file:// pages — only those
 * inside `rendererDir` when it is given (the packaged renderer folder).
 */
export function isOwnUrl(url: string, devServerUrl?: string, rendererDir?: string): boolean {
  if (devServerUrl) {
    const own = originOf(devServerUrl);
    if (own !== null && originOf(url) === own) return true;
  }
  if (!url.startsWith('file://')) return false;
  if (rendererDir === undefined) return true;
  let base = pathToFileURL(rendererDir).href;
  if (!base.endsWith('/')) base += '/';
  try {
    return new URL(url).href.startsWith(base);
  } catch {
    return false;
  }
}

/** Only https links to documentation are opened in the user's browser; everything else is refused. */
export function isVettedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

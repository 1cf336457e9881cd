/**
 * Serving the UI: the `app://` origin's path check, its Content-Security-Policy and the headers of
 * evidence responses. Electron-free so that the e2e harness serves the built renderer with the
 * very same rules.
 */
import { resolve, sep, extname } from 'node:path';
import { createHash } from 'node:crypto';
import { CSS as REPORT_STYLESHEET } from '../../engine/reports/render-html.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'case-vault';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const EVIDENCE_SCHEME = 'case-evidence';

/**
 * The policy sent as a header with every app:// response. Scripts and styles only from the app
 * itself; evidence (images, PDF, text, media) only from the evidence protocol; no plugins, no
 * framing of the app, no form posts, no connections anywhere else.
 *
 * Images may also be `data:` URLs: the QR codes of the contact card and of a safety number are
 * drawn by the engine as SVG text and shown in an <img> (an SVG loaded as an image runs no script
 * and loads nothing). `data:` is allowed for images only — never for scripts, styles, frames,
 * media or connections.
 *
 * Styles may also be the donor report's own stylesheet, and only it, admitted by its SHA-256
 * (REPORT_STYLE_SOURCE): the report screen previews the engine's self-contained HTML report in an
 * `<iframe sandbox="" srcdoc=…>`, and a srcdoc document inherits this policy, so without the hash
 * its inline `<style>` would be refused. No 'unsafe-inline', no style attributes, no other sheet.
 */
export function appCsp(evidenceSource: string = `${EVIDENCE_SCHEME}:`): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // pdf.js parses PDFs in a worker: the bundled dist/renderer/pdf.worker.js, from the app itself.
    "worker-src 'self'",
    `style-src 'self' ${REPORT_STYLE_SOURCE}`,
    `img-src 'self' data: ${evidenceSource}`,
    `media-src ${evidenceSource}`,
    `frame-src ${evidenceSource}`,
    `connect-src 'self' ${evidenceSource}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The CSP source that admits the donor report's inline stylesheet (render-html.ts) and nothing else. */
export const REPORT_STYLE_SOURCE = `'sha256-${createHash('sha256').update(REPORT_STYLESHEET, 'utf8').digest('base64')}'`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function mimeOf(path: string): string | undefined {
  return MIME[extname(path).toLowerCase()];
}

/**
 * Map a request path to a file inside `root`, or undefined when it would leave it. Refuses
 * encoded separators and NULs, dot segments that climb out, and anything whose resolved path is
 * not under `root`. "/" is the index page.
 */
export function resolveAppPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (/%2f|%5c/i.test(urlPath)) return undefined;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, rel);
  if (full !== base && !full.startsWith(base + sep)) return undefined;
  if (full === base) return undefined;
  if (!mimeOf(full)) return undefined;
  return full;
}

/** Headers for every app:// response. */
export function appHeaders(path: string, csp: string = appCsp()): Record<string, string> {
  return {
    'content-type': mimeOf(path) ?? 'application/octet-stream',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

/** Media types the viewer shows inline. Anything else (SVG, HTML, office files…) is exported, not rendered. */
export const VIEWABLE_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/gif': 'image/gif',
  'image/webp': 'image/webp',
  'application/pdf': 'application/pdf',
  'text/plain': 'text/plain; charset=utf-8',
  'text/csv': 'text/plain; charset=utf-8',
  'text/markdown': 'text/plain; charset=utf-8',
  'application/json': 'text/plain; charset=utf-8',
  'audio/mpeg': 'audio/mpeg',
  'audio/ogg': 'audio/ogg',
  'video/mp4': 'video/mp4',
  'video/webm': 'video/webm',
};

/**
 * The Content-Type the viewer serves a stored media type with, or undefined when it is not shown
 * inline. Stored types may carry parameters (`text/plain; charset=utf-8`): only the essence counts.
 */
export function viewableContentType(mediaType: string): string | undefined {
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  return Object.hasOwn(VIEWABLE_MEDIA_TYPES, essence) ? VIEWABLE_MEDIA_TYPES[essence] : undefined;
}

/**
 * Headers for a decrypted evidence response: never cached, never sniffed, nothing may run. A PDF
 * is no exception: the page fetches its bytes and pdf.js draws them; it is never loaded as a
 * document of its own.
 */
export function evidenceHeaders(contentType: string, size: number): Record<string, string> {
  const csp = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";
  return {
    'content-type': contentType,
    'content-length': String(size),
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'content-disposition': 'inline',
  };
}

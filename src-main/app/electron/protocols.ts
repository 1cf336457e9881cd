/**
 * The app's two protocols.
 * - `app://case-vault/…` serves the built renderer (dist/renderer) through the core's path check,
 *   with the Content-Security-Policy as a response header. Anything outside that folder, on
 *   another host, or of a type the app does not ship is a 404.
 * - `case-evidence://view/<token>` streams one decrypted evidence item from the engine worker,
 *   from memory, once per token (Shell.serveEvidence).
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME, EVIDENCE_SCHEME, appHeaders, resolveAppPath } from '../core/app-protocol.js';
import type { Shell } from '../core/shell.js';

export const EVIDENCE_HOST = 'view';

/** The one-time URL the renderer loads an evidence item from. */
export function viewerUrl(token: string): string {
  return `${EVIDENCE_SCHEME}://${EVIDENCE_HOST}/${token}`;
}

/** Must run before the app is ready. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: a real origin (same-origin rules, relative URLs); secure: treated like https.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    // stream: media and PDF can be read progressively from the stream the worker feeds.
    { scheme: EVIDENCE_SCHEME, privileges: { secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

type RequestLike = Pick<Request, 'url' | 'method'>;

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' },
  });
}

/** Answer one app:// request from `rendererRoot`. */
export async function serveApp(rendererRoot: string, request: RequestLike): Promise<Response> {
  if (request.method !== 'GET')
    return new Response('Method not allowed', { status: 405, headers: { 'content-type': 'text/plain' } });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '')
    return notFound();
  const file = resolveAppPath(rendererRoot, url.pathname);
  if (!file) return notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), { status: 200, headers: appHeaders(file) });
}

const TOKEN = /^[0-9a-f]{48}$/;

/** The token of a viewer URL, or undefined for anything else. */
export function evidenceToken(requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${EVIDENCE_SCHEME}:` || url.host !== EVIDENCE_HOST || url.search !== '' || url.username !== '')
    return undefined;
  const token = url.pathname.replace(/^\//, '');
  return TOKEN.test(token) ? token : undefined;
}

/** Answer one case-evidence:// request. */
export async function serveEvidenceRequest(shell: Shell, request: RequestLike): Promise<Response> {
  const token = request.method === 'GET' ? evidenceToken(request.url) : undefined;
  if (!token) return notFound();
  return shell.serveEvidence(token);
}

/** Must run once the app is ready. */
export function installProtocols(rendererRoot: string, shell: Shell): void {
  protocol.handle(APP_SCHEME, (request) => serveApp(rendererRoot, request));
  protocol.handle(EVIDENCE_SCHEME, (request) => serveEvidenceRequest(shell, request));
}

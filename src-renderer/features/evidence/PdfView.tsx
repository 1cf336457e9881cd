/**
 * A PDF drawn by pdf.js, one page at a time onto a canvas, with page navigation and zoom — and
 * nothing else: no download, no print, no text layer, no forms, no links, no scripts. The bytes
 * come from the viewer's one-time URL (fetched once, in memory) and are parsed in pdf.js's worker
 * (dist/renderer/pdf.worker.js, loaded from the app's own origin). pdf.js gets no URL to fetch
 * anything else from: no fonts, character maps or WebAssembly (the CSP would refuse them anyway),
 * so a PDF that needs them is drawn with fallbacks. The document, its worker and the bytes are
 * released when the viewer closes.
 */
import { useEffect, useRef, useState } from 'react';
import { getDocument, PDFWorker, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { useT, useFormat } from '../../i18n/i18n.js';
import { Button } from '../../components/controls.js';
import { Loading } from '../../components/feedback.js';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const DEFAULT_ZOOM = 2;

/**
 * One worker per document, started here from the app's own file: pdf.js, left to start it, would
 * wrap a worker URL it does not judge same-origin in a blob: URL, which the CSP and the session's
 * request filter both refuse. The worker ends with the document.
 */
async function openDocument(url: string): Promise<{ doc: PDFDocumentProxy; destroy: () => Promise<void> }> {
  const res = await fetch(url, { cache: 'no-store', credentials: 'omit' });
  if (!res.ok) throw new Error(String(res.status));
  const data = new Uint8Array(await res.arrayBuffer());
  const webWorker = new Worker(new URL('pdf.worker.js', document.baseURI), { type: 'module' });
  const worker = PDFWorker.create({ port: webWorker });
  const task = getDocument({
    data,
    worker,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
  });
  const destroy = async () => {
    await task.destroy().catch(() => undefined);
    worker.destroy();
    webWorker.terminate();
  };
  try {
    return { doc: await task.promise, destroy };
  } catch (e) {
    await destroy();
    throw e;
  }
}

export function PdfView({ url, title }: { url: string; title: string }) {
  const t = useT();
  const f = useFormat();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<number>(DEFAULT_ZOOM);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let live = true;
    let destroy: (() => Promise<void>) | null = null;
    openDocument(url)
      .then((opened) => {
        destroy = opened.destroy;
        if (live) setDoc(opened.doc);
        else void opened.destroy();
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (destroy) void destroy();
    };
  }, [url]);

  useEffect(() => {
    const target = canvas.current;
    if (!doc || !target) return;
    let task: RenderTask | null = null;
    let live = true;
    void (async () => {
      try {
        const p = await doc.getPage(page);
        if (!live) return;
        const viewport = p.getViewport({ scale: ZOOMS[zoom]! });
        const ratio = window.devicePixelRatio || 1;
        target.width = Math.floor(viewport.width * ratio);
        target.height = Math.floor(viewport.height * ratio);
        target.style.width = `${Math.floor(viewport.width)}px`;
        target.style.height = `${Math.floor(viewport.height)}px`;
        task = p.render({
          canvas: target,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        });
        await task.promise;
      } catch (e) {
        // A render cancelled because the page or zoom changed is not a failure.
        if (live && (e as { name?: string }).name !== 'RenderingCancelledException') setFailed(true);
      }
    })();
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, page, zoom]);

  if (failed) return <p className="notice notice-error">{t('evidence.viewer.failed')}</p>;
  if (!doc) return <Loading />;
  const count = doc.numPages;

  return (
    <div className="pdf-view">
      <div className="pdf-toolbar" role="toolbar" aria-label={t('evidence.pdf.toolbar')}>
        <Button onClick={() => setPage(page - 1)} disabled={page <= 1}>
          {t('evidence.pdf.prev')}
        </Button>
        <label className="pdf-page-field">
          {t('evidence.pdf.page')}{' '}
          <input
            type="number"
            min={1}
            max={count}
            value={page}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= count) setPage(n);
            }}
          />{' '}
          {t('evidence.pdf.pageOf', { count: f.number(count) })}
        </label>
        <Button onClick={() => setPage(page + 1)} disabled={page >= count}>
          {t('evidence.pdf.next')}
        </Button>
        <span className="pdf-toolbar-gap" />
        <Button onClick={() => setZoom(zoom - 1)} disabled={zoom === 0} aria-label={t('evidence.pdf.zoomOut')}>
          −
        </Button>
        <output className="pdf-zoom" aria-live="polite">
          {f.number(ZOOMS[zoom]!, { style: 'percent' })}
        </output>
        <Button
          onClick={() => setZoom(zoom + 1)}
          disabled={zoom === ZOOMS.length - 1}
          aria-label={t('evidence.pdf.zoomIn')}
        >
          +
        </Button>
      </div>
      <div className="pdf-canvas-scroll" tabIndex={0} role="region" aria-label={t('evidence.pdf.region', { title })}>
        <canvas
          ref={canvas}
          className="pdf-canvas"
          role="img"
          aria-label={t('evidence.pdf.canvas', { page: f.number(page), count: f.number(count), title })}
        />
      </div>
    </div>
  );
}

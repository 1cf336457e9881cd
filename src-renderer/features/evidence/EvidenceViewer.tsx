/**
 * The evidence viewer, over the whole window. Each opening asks main for a fresh one-time URL (`viewer.open`), which
 * streams the decrypted item from memory and records a 'viewed' custody event; the URL is good
 * for one load only, so nothing here ever loads it twice. Text is fetched and shown as text in a
 * <pre>, never parsed as HTML; a PDF is drawn by pdf.js (PdfView) with no download or print;
 * types the viewer cannot show are offered for export instead.
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { call, asCallError } from '../../vault.js';
import { Dialog } from '../../components/Dialog.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import type { Evidence } from '../../../shared/domain/evidence.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { viewKind } from './evidence-format.js';
import { PdfView } from './PdfView.js';
import './evidence.css';

export function EvidenceViewer({
  item,
  onClose,
  onExport,
}: {
  item: Evidence | null;
  onClose: () => void;
  onExport: (item: Evidence) => void;
}) {
  const t = useT();
  return (
    <Dialog
      title={item ? t('evidence.viewer.title', { title: item.title }) : ''}
      open={item !== null}
      onClose={onClose}
    >
      {item && <ViewerBody key={item.id} item={item} onExport={() => onExport(item)} />}
    </Dialog>
  );
}

type Opened = { url: string; mediaType: string };

function ViewerBody({ item, onExport }: { item: Evidence; onExport: () => void }) {
  const t = useT();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  // Once per opening: the dialog mounts this body when it opens and unmounts it when it closes.
  useEffect(() => {
    let live = true;
    call('viewer', 'open', { evidenceId: item.id })
      .then((o) => live && setOpened(o))
      .catch((e: unknown) => live && setError(asCallError(e)));
    return () => {
      live = false;
    };
  }, [item.id]);

  if (error?.code === 'EVIDENCE_UNREADABLE') return <CannotShow onExport={onExport} />;
  if (error) return <ErrorNotice error={error} />;
  if (!opened) return <Loading />;

  const kind = viewKind(opened.mediaType);
  return (
    <div className="viewer viewer-full">
      <p className="hint">{t('evidence.viewer.recordedNoCopy')}</p>
      {kind === 'image' && <ImageView url={opened.url} title={item.title} />}
      {kind === 'pdf' && <PdfView url={opened.url} title={item.title} />}
      {kind === 'text' && <TextView url={opened.url} title={item.title} />}
      {kind === 'audio' && (
        <audio
          className="viewer-media"
          src={opened.url}
          controls
          aria-label={t('evidence.viewer.audioLabel', { title: item.title })}
        >
          {t('evidence.viewer.noMedia')}
        </audio>
      )}
      {kind === 'video' && (
        <video
          className="viewer-media"
          src={opened.url}
          controls
          aria-label={t('evidence.viewer.videoLabel', { title: item.title })}
        >
          {t('evidence.viewer.noMedia')}
        </video>
      )}
      {kind === 'other' && <CannotShow onExport={onExport} />}
    </div>
  );
}

function ImageView({ url, title }: { url: string; title: string }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (failed) return <p className="notice notice-error">{t('evidence.viewer.failed')}</p>;
  return <img className="viewer-image" src={url} alt={title} onError={() => setFailed(true)} />;
}

function TextView({ url, title }: { url: string; title: string }) {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    fetch(url, { cache: 'no-store', credentials: 'omit' })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        return res.text();
      })
      .then((body) => live && setText(body))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [url]);

  if (failed) return <p className="notice notice-error">{t('evidence.viewer.failed')}</p>;
  if (text === null) return <Loading />;
  return (
    <div className="viewer-text" role="region" aria-label={t('evidence.viewer.textRegion', { title })} tabIndex={0}>
      <pre dir="auto">{text}</pre>
    </div>
  );
}

function CannotShow({ onExport }: { onExport: () => void }) {
  const t = useT();
  return (
    <div className="notice">
      <p>{t('evidence.viewer.cannotShow')}</p>
      <Button onClick={onExport}>{t('evidence.viewer.exportInstead')}</Button>
    </div>
  );
}

/**
 * A case's notes, newest first, a page at a time; write a note, or edit one (a stale edit is
 * refused with CONFLICT rather than overwriting someone else's change).
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT, useFormat } from '../../i18n/i18n.js';
import { call, asCallError } from '../../vault.js';
import { Form, FormNotice } from '../../components/Form.js';
import { Button, TextArea, TextField } from '../../components/controls.js';
import { Empty, ErrorNotice, Loading } from '../../components/feedback.js';
import type { Note } from '../../../shared/domain/notes.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { useLoadedPages } from '../../state/use-loaded.js';

const PAGE = 50;

export function NotesTab({ caseId }: { caseId: string }) {
  const t = useT();
  const { value, error, reload, setValue, loadMore, loadingMore } = useLoadedPages(
    (offset) => call('notes', 'list', { caseId, limit: PAGE, offset }),
    [caseId],
    ['notes'],
  );
  const notes = value?.items ?? null;
  const total = value?.total ?? 0;

  const replace = (note: Note) =>
    setValue((page) => page && { ...page, items: page.items.map((n) => (n.id === note.id ? note : n)) });

  return (
    <section className="tab-section notes-tab" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('notes.title')}</h2>
      <NewNote
        caseId={caseId}
        onAdded={(note) => setValue((page) => page && { items: [note, ...page.items], total: page.total + 1 })}
      />
      <h3 id="notes-list-heading">{t('notes.listHeading')}</h3>
      <p className="count" aria-live="polite">
        {notes ? t('notes.count', { count: total }) : ''}
      </p>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {notes === null && !error && <Loading />}
      {notes !== null && notes.length === 0 && <Empty>{t('notes.none')}</Empty>}
      {notes !== null && notes.length > 0 && (
        <ol className="note-list" aria-labelledby="notes-list-heading">
          {notes.map((n) => (
            <li key={n.id}>
              <NoteItem note={n} onSaved={replace} />
            </li>
          ))}
        </ol>
      )}
      {notes !== null && notes.length < total && (
        <Button onClick={() => void loadMore()} disabled={loadingMore} aria-busy={loadingMore}>
          {t('action.loadMore')}
        </Button>
      )}
    </section>
  );
}

function NewNote({ caseId, onAdded }: { caseId: string; onAdded: (n: Note) => void }) {
  const t = useT();
  const [body, setBody] = useState('');
  const [author, setAuthor] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const note = await call('notes', 'add', { caseId, body, ...(author.trim() ? { author: author.trim() } : {}) });
      setBody('');
      setSaved(true);
      onAdded(note);
    } catch (err) {
      setError(asCallError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form className="card note-form" onSubmit={submit} busy={busy} error={error} aria-labelledby="new-note-heading">
      <h3 id="new-note-heading">{t('notes.new')}</h3>
      <TextArea
        label={t('notes.form.body')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={4}
        maxLength={20000}
        required
        disabled={busy}
      />
      <TextField
        label={t('notes.form.author')}
        hint={t('notes.form.authorHint')}
        value={author}
        onChange={(e) => setAuthor(e.target.value)}
        maxLength={200}
        disabled={busy}
      />
      <FormNotice />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('notes.form.add')}
        </Button>
      </div>
      <p role="status" className="status-slot">
        {saved ? t('notes.saved') : ''}
      </p>
    </Form>
  );
}

function NoteItem({ note, onSaved }: { note: Note; onSaved: (n: Note) => void }) {
  const t = useT();
  const f = useFormat();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const { busy, error, setError, run } = useAction();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const updated = await call('notes', 'update', { id: note.id, body, expectedVersion: note.version });
      onSaved(updated);
      setEditing(false);
    });
  };

  const edited = note.version > 1;
  return (
    <article className="card note" aria-labelledby={`note-${note.id}-meta`}>
      <p className="note-meta" id={`note-${note.id}-meta`}>
        {note.author && <span className="note-author">{t('notes.by', { author: note.author })}</span>}{' '}
        <span>{t('notes.addedOn', { when: f.instant(note.createdAt) })}</span>
        {edited && <span className="muted"> {t('notes.edited', { when: f.instant(note.updatedAt) })}</span>}
      </p>
      {editing ? (
        <Form onSubmit={save} busy={busy} error={error}>
          <TextArea
            label={t('notes.form.body')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={5}
            maxLength={20000}
            required
            autoFocus
            disabled={busy}
          />
          <FormNotice />
          <div className="form-actions">
            <Button variant="primary" type="submit" disabled={busy}>
              {t('action.save')}
            </Button>
            <Button
              onClick={() => {
                setEditing(false);
                setBody(note.body);
                setError(null);
              }}
            >
              {t('action.cancel')}
            </Button>
          </div>
        </Form>
      ) : (
        <>
          <bdi className="note-body">{note.body}</bdi>
          <div className="form-actions">
            <Button
              variant="link"
              onClick={() => {
                setBody(note.body);
                setEditing(true);
              }}
              aria-label={t('notes.editNote', { when: f.instant(note.createdAt) })}
            >
              {t('action.edit')}
            </Button>
          </div>
        </>
      )}
    </article>
  );
}

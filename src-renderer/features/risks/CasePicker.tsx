/**
 * Choose a case among many: a search field (words from the title, through the case list's
 * full-text search) narrows a select of at most 50 cases, most recently changed first. The
 * chosen case stays in the select whatever the search.
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/controls.js';
import { call } from '../../vault.js';
import type { CaseLabel } from './risk-store.js';

const LIMIT = 50;

/** Record data inside an <option> cannot be wrapped in <bdi>: first-strong isolates do the same. */
const isolate = (s: string) => `\u2068${s}\u2069`;

interface Option extends CaseLabel {
  id: string;
}

export function CasePicker({
  label,
  emptyLabel,
  value,
  onChange,
}: {
  label: string;
  emptyLabel: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option | null>(null);

  useEffect(() => {
    let live = true;
    const h = setTimeout(
      () => {
        call('cases', 'list', { text: text.trim() || undefined, limit: LIMIT, sort: 'updated' })
          .then(
            (page) => live && setOptions(page.items.map((c) => ({ id: c.id, reference: c.reference, title: c.title }))),
          )
          .catch(() => live && setOptions([]));
      },
      text ? 250 : 0,
    );
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [text]);

  useEffect(() => {
    if (!value || chosen?.id === value) return;
    const known = options.find((o) => o.id === value);
    if (known) {
      setChosen(known);
      return;
    }
    let live = true;
    call('cases', 'get', { id: value })
      .then((c) => live && setChosen({ id: c.id, reference: c.reference, title: c.title }))
      .catch(() => live && setChosen(null));
    return () => {
      live = false;
    };
  }, [value, chosen, options]);

  const list =
    chosen && value === chosen.id && !options.some((o) => o.id === chosen.id) ? [chosen, ...options] : options;

  return (
    <div className="case-picker">
      <TextField
        label={t('risks.case.find')}
        hint={t('risks.case.findHint')}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        options={[
          { value: '', label: emptyLabel },
          ...list.map((o) => ({ value: o.id, label: isolate(o.reference) + ' — ' + isolate(o.title) })),
        ]}
      />
    </div>
  );
}

/**
 * In the accept dialog: what becomes of each name the enquiry mentions — a new person with a role
 * in the new case, an existing person the conflict check matched for that name, or nobody. The
 * engine checks the same rules (a link only to a matched person, a role for everyone recorded).
 */
import type { ConflictMatch, Enquiry, NamedPersonChoice } from '../../../shared/domain/enquiries.js';
import { ROLES, type Role } from '../../../shared/domain/people.js';
import { useT } from '../../i18n/i18n.js';
import { SelectField } from '../../components/controls.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** One name's choice as the form holds it: 'create', 'skip' or 'link:<person id>', and the role. */
export interface NamedPersonDraft {
  action: string;
  role: Role | '';
}

/** The people the conflict check matched for one name, each once. */
function matchedPeople(conflicts: readonly ConflictMatch[], name: string): ConflictMatch[] {
  const seen = new Set<string>();
  return conflicts.filter((m) => m.query === name && m.personId && !seen.has(m.personId) && seen.add(m.personId));
}

/** A new person when the enquiry gave the name a role; nobody otherwise (a role must be chosen first). */
export function initialDrafts(enquiry: Enquiry): NamedPersonDraft[] {
  return enquiry.namedPeople.map((p) => ({ action: p.role ? 'create' : 'skip', role: p.role ?? '' }));
}

export function draftsComplete(drafts: readonly NamedPersonDraft[]): boolean {
  return drafts.every((d) => d.action === 'skip' || d.role !== '');
}

export function toChoices(drafts: readonly NamedPersonDraft[]): NamedPersonChoice[] {
  return drafts.map((d, index): NamedPersonChoice => {
    if (d.action === 'skip' || d.role === '') return { index, action: 'skip' };
    if (d.action.startsWith('link:')) return { index, action: 'link', personId: d.action.slice(5), role: d.role };
    return { index, action: 'create', role: d.role };
  });
}

export function NamedPeopleChoices({
  enquiry,
  drafts,
  onChange,
}: {
  enquiry: Enquiry;
  drafts: readonly NamedPersonDraft[];
  onChange: (next: NamedPersonDraft[]) => void;
}) {
  const t = useT();
  if (enquiry.namedPeople.length === 0) return null;
  const set = (i: number, patch: Partial<NamedPersonDraft>) =>
    onChange(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="named-people" data-testid="named-people">
      <legend>{t('enquiry.accept.people.title')}</legend>
      <p className="hint">{t('enquiry.accept.people.intro')}</p>
      {enquiry.namedPeople.map((person, i) => {
        const draft = drafts[i] ?? { action: 'skip', role: '' };
        return (
          <div key={i} className="named-person" data-named-index={i}>
            <p className="named-person-name">
              <bdi dir="auto">{person.name}</bdi>
              {person.role && <> · {t(labelKey('enquiries.role', person.role))}</>}
            </p>
            <SelectField
              label={t('enquiry.accept.people.action', { name: person.name })}
              value={draft.action}
              onChange={(e) =>
                set(i, e.target.value === 'skip' ? { action: 'skip', role: '' } : { action: e.target.value })
              }
              options={[
                { value: 'create', label: t('enquiry.accept.people.create') },
                ...matchedPeople(enquiry.conflicts, person.name).map((m) => ({
                  value: `link:${m.personId}`,
                  label: t('enquiry.accept.people.link', { name: m.matchedName }),
                })),
                { value: 'skip', label: t('enquiry.accept.people.skip') },
              ]}
            />
            {/* Always shown: choosing a role for a name not yet recorded records it as a new
                person, so a name from the free-text list takes one choice, not two. */}
            <SelectField
              label={t('enquiry.accept.people.role', { name: person.name })}
              value={draft.role}
              required={draft.action !== 'skip'}
              onChange={(e) => {
                const role = e.target.value as Role | '';
                set(i, draft.action === 'skip' && role !== '' ? { action: 'create', role } : { role });
              }}
              options={[
                { value: '', label: t('enquiry.accept.people.chooseRole') },
                ...ROLES.map((r) => ({ value: r, label: t(labelKey('enquiries.role', r)) })),
              ]}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/** The people table. */
import { Gender } from '../../../shared/domain/people.js';
import { Int, Text, describeTable, extra, share, structural } from './table.js';

export const PEOPLE = describeTable(
  'people',
  {
    id: structural(Text),
    full_name: share('full-name', Text, { personal: true }),
    pseudonym: share('pseudonym', Text.nullable(), { personal: true }),
    gender: share('gender', Gender.nullable(), { personal: true }),
    birth_date: share('birth-date', Text.nullable(), { personal: true }),
    country: share('country', Text.nullable(), { personal: true }),
    contact: share('contact', Text, { personal: true }),
    safety_notes: share('safety-notes', Text, { personal: true }),
    /** a JSON array of vulnerability codes */
    vulnerabilities: share('vulnerabilities', Text, { personal: true }),
    notes: share('notes', Text, { personal: true }),
    created_at: share('recorded-at', Text),
    updated_at: share('recorded-at', Text),
    version: structural(Int),
    origin_vault: structural(Text),
  },
  {
    extras: {
      aliases: extra({ shareable: 'aliases' }, { personal: true }),
      roles: extra({ shareable: 'roles' }, { personal: true }),
      // computed from the birth date when the profile shares the year only
      birthYear: extra({ shareable: 'birth-year' }, { personal: true }),
      restricted: extra({ neverShared: "a partner's recall of a received person: that person is never shared" }),
    },
    derivedFields: ['birth-year'],
  },
);
export type PersonRow = ReturnType<typeof PEOPLE.parse>;

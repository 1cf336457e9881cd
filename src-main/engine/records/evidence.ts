/** The evidence table (items whose file is in this vault's blob store). */
import { EvidenceType } from '../../../shared/domain/evidence.js';
import { Int, Text, describeTable, neverShared, share, structural } from './table.js';

export const EVIDENCE = describeTable(
  'evidence',
  {
    seq: neverShared('the local row number behind the search index', Int),
    id: structural(Text),
    case_id: structural(Text),
    blob_id: neverShared("the file's place in this vault's blob store", Text),
    derived_from: share('derivation', Text.nullable()),
    derivation_reason: share('derivation', Text.nullable()),
    title: share('title', Text, { personal: true }),
    description: share('description', Text, { personal: true }),
    type: share('type', EvidenceType),
    file_name: share('file-name', Text, { personal: true }),
    media_type: share('media-type', Text),
    size: share('size', Int),
    sha256: share('sha256', Text),
    source: share('source', Text, { personal: true }),
    collector: share('collector', Text, { personal: true }),
    method: share('method', Text),
    collected_at: share('collected-at', Text.nullable()),
    place: share('place', Text, { personal: true }),
    received_at: share('received-at', Text),
    last_verified_at: share('last-verified-at', Text.nullable()),
    created_at: share('recorded-at', Text),
    updated_at: share('recorded-at', Text),
    version: structural(Int),
    origin_vault: structural(Text),
  },
  { derivedFields: ['file'] },
);
export type EvidenceRow = ReturnType<typeof EVIDENCE.parse>;

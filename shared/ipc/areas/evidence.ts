/**
 * Evidence: intake (from a file chosen in main's dialog), working copies, verification, export
 * of a decrypted copy, and the chain of custody. The renderer never names or sees a path: files
 * travel as FileHandles (main swaps them for paths), and answers leave paths out. Viewing goes
 * through `viewer.open` (streamed from memory), never through this area.
 */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import {
  AddDerivedCopyInput,
  AddEvidenceInput,
  CustodyLog,
  CustodyLogExport,
  CustodyLogFormat,
  Evidence,
  EvidenceExport,
  EvidenceVerification,
  ExportEvidenceInput,
  ListEvidenceQuery,
  ListReceivedDescriptionsQuery,
  ReceivedEvidenceDescription,
} from '../../domain/evidence.js';
import { EraseEvidenceInput, EvidenceErasure } from '../../domain/erasure.js';
import { engineCall } from '../kit.js';
import { FileHandle } from './app.js';

const ById = z.strictObject({ id: Id });

export const evidenceArea = {
  /** a case's items in the order they were received */
  list: engineCall(ListEvidenceQuery, z.array(Evidence)),
  get: engineCall(ById, Evidence),
  /** take a file in (`file` from files.chooseEvidence); progress: 'encrypting', bytes */
  add: engineCall(AddEvidenceInput.omit({ filePath: true }).extend({ file: FileHandle }), Evidence, {
    progress: true,
    fileFields: { file: 'open' },
  }),
  /** a working copy (e.g. redacted) of an item, from a chosen file; progress: 'encrypting' */
  addCopy: engineCall(AddDerivedCopyInput.omit({ filePath: true }).extend({ file: FileHandle }), Evidence, {
    progress: true,
    fileFields: { file: 'open' },
  }),
  /** re-read the stored item and compare its SHA-256; progress: 'verifying' */
  verify: engineCall(ById, EvidenceVerification, { progress: true }),
  /** a decrypted copy to a new file (`target` from files.chooseSaveTarget); progress: 'exporting' */
  export: engineCall(
    ExportEvidenceInput.omit({ destPath: true }).extend({ target: FileHandle }),
    EvidenceExport.omit({ path: true }),
    {
      progress: true,
      fileFields: { target: 'save' },
    },
  ),
  /** the item's custody events and the verdict on their hash chain */
  custodyLog: engineCall(ById, CustodyLog),
  /** the custody log as JSON or CSV to a new file (`target` from files.chooseSaveTarget) */
  exportCustodyLog: engineCall(
    z.strictObject({ id: Id, format: CustodyLogFormat, target: FileHandle }),
    CustodyLogExport.omit({ path: true }),
    {
      fileFields: { target: 'save' },
    },
  ),
  /** items a partner described without sending the file (read-only, as received), oldest arrival first */
  receivedDescriptions: engineCall(ListReceivedDescriptionsQuery, z.array(ReceivedEvidenceDescription)),
  /** crypto-erase the item and its working copies: key rows destroyed, files removed (docs/erasure.md) */
  erase: engineCall(EraseEvidenceInput, EvidenceErasure),
} as const;

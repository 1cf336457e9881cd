/** Consents: record a decision, withdraw, renew, read back with where it stands, and ask the gate. */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import {
  AddConsentInput,
  CheckConsentQuery,
  ConsentGateResult,
  ConsentWithStatus,
  ListConsentsQuery,
  RenewConsentInput,
  WithdrawConsentInput,
} from '../../domain/consents.js';
import { engineCall } from '../kit.js';

const ById = z.strictObject({ id: Id });

export const consentsArea = {
  /** the latest version of each series of a person and/or case (every version with allVersions) */
  list: engineCall(ListConsentsQuery, z.array(ConsentWithStatus)),
  /** one version, with where its series stands now */
  get: engineCall(ById, ConsentWithStatus),
  /** every version of the series the id belongs to, oldest first */
  history: engineCall(ById, z.array(ConsentWithStatus)),
  add: engineCall(AddConsentInput, ConsentWithStatus),
  withdraw: engineCall(WithdrawConsentInput, ConsentWithStatus),
  renew: engineCall(RenewConsentInput, ConsentWithStatus),
  /** the consent gate: may this person's data be used for this purpose (and recipient) now? */
  check: engineCall(CheckConsentQuery, ConsentGateResult),
} as const;

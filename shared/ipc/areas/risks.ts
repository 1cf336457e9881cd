/** The digital-security risk register. */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import { AddRiskInput, ListRisksQuery, Risk, UpdateRiskInput } from '../../domain/risks.js';
import { engineCall } from '../kit.js';

export const risksArea = {
  /** highest score first */
  list: engineCall(ListRisksQuery, z.array(Risk)),
  get: engineCall(z.strictObject({ id: Id }), Risk),
  add: engineCall(AddRiskInput, Risk),
  update: engineCall(UpdateRiskInput, Risk),
} as const;

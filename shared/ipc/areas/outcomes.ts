/** Outcomes of cases, indicators with their observations, and each case's impact evaluation. */
import { z } from 'zod';
import { Id } from '../../domain/common.js';
import {
  AddIndicatorInput,
  AddOutcomeInput,
  CaseEvaluation,
  Indicator,
  IndicatorDetail,
  ListIndicatorsQuery,
  ListOutcomesQuery,
  ObserveIndicatorInput,
  Outcome,
  OutcomeItem,
  UpdateOutcomeInput,
  UpsertEvaluationInput,
} from '../../domain/outcomes.js';
import { engineCall } from '../kit.js';

const ById = z.strictObject({ id: Id });

export const outcomesArea = {
  list: engineCall(ListOutcomesQuery, z.array(OutcomeItem)),
  get: engineCall(ById, Outcome),
  add: engineCall(AddOutcomeInput, Outcome),
  /** a correction or a later payment; null clears a field */
  update: engineCall(UpdateOutcomeInput, Outcome),
  listIndicators: engineCall(ListIndicatorsQuery, z.array(Indicator)),
  /** the indicator with every observation, oldest first (for the chart) */
  getIndicator: engineCall(ById, IndicatorDetail),
  addIndicator: engineCall(AddIndicatorInput, Indicator),
  /** record a value on a day; answers the indicator with its observations */
  observeIndicator: engineCall(ObserveIndicatorInput, IndicatorDetail),
  /** null until one is written */
  getEvaluation: engineCall(z.strictObject({ caseId: Id }), CaseEvaluation.nullable()),
  /** create it (version 1) or change it; fields left out keep their text */
  upsertEvaluation: engineCall(UpsertEvaluationInput, CaseEvaluation),
} as const;

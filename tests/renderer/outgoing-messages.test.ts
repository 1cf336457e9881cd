/**
 * The sentences the share wizard needs for what leaves the vault exist in every language: the
 * error codes of the partner gate, nothing-to-share and the authority rules on import, each
 * reason of the partner gate (CLEARANCE_REASONS) and each reason a record stays out
 * (WITHHELD_REASONS). A new reason in the engine without its sentence fails here.
 */
import { describe, expect, it } from 'vitest';
import { WITHHELD_REASONS } from '../../shared/domain/bundles.js';
import { CLEARANCE_REASONS } from '../../shared/domain/policy.js';
import { isErrorCode } from '../../shared/errors.js';
import { CATALOGUE } from '../../src-renderer/i18n/catalogue.js';
import { LOCALES } from '../../src-renderer/i18n/define.js';

const CODES = [
  'BUNDLE_EMPTY',
  'PARTNER_NOT_CLEARED',
  'BUNDLE_ORIGIN_MISMATCH',
  'BUNDLE_NOT_ORIGINATOR',
  'BUNDLE_FOREIGN_LINK',
  'BUNDLE_EVIDENCE_CHANGED',
  'BUNDLE_RECORD_COLLISION',
  'BUNDLE_NOT_YET_VALID',
];

describe('messages for what leaves the vault', () => {
  it('name real error codes', () => {
    expect(CODES.filter((c) => !isErrorCode(c))).toEqual([]);
  });

  it('say every new error code in words, in every language', () => {
    const missing = LOCALES.flatMap((l) =>
      CODES.filter((c) => !(`error.${c}` in CATALOGUE[l])).map((c) => `${l} ${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('say every reason of the partner gate and every reason a record stays out', () => {
    const keys = [
      ...CLEARANCE_REASONS.map((r) => `share.gate.reason.${r}`),
      ...WITHHELD_REASONS.map((r) => `share.plan.withheld.${r}`),
    ];
    const missing = LOCALES.flatMap((l) => keys.filter((k) => !(k in CATALOGUE[l])).map((k) => `${l} ${k}`));
    expect(missing).toEqual([]);
    // the dated reasons carry the day
    for (const l of LOCALES) {
      expect(CATALOGUE[l]['share.gate.reason.due-diligence-review-overdue']).toContain('{day}');
      expect(CATALOGUE[l]['share.gate.reason.agreement-expired']).toContain('{day}');
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARING_FIELDS,
  SHARING_PRESETS,
  SHARING_PRESET_ALLOW,
  SetSharingProfileInput,
  presetOf,
  presetProfile,
  profileAllows,
} from '../../../shared/domain/partners.js';

describe('ready sharing profiles', () => {
  it('are valid profile inputs, and a stored preset is recognised as itself', () => {
    for (const preset of SHARING_PRESETS) {
      const parsed = SetSharingProfileInput.safeParse({
        partnerId: '01900000-0000-7000-8000-000000000001',
        allow: SHARING_PRESET_ALLOW[preset],
      });
      expect(parsed.success, preset).toBe(true);
      expect(presetOf(presetProfile(preset))).toBe(preset);
    }
    expect(presetOf({})).toBeNull();
    expect(presetOf({ ...presetProfile('case-facts'), notes: ['body'] })).toBeNull();
  });

  it('go from the narrowest to the widest; only the widest sends files; none sends contact or safety notes', () => {
    const facts = presetProfile('case-facts');
    expect(Object.keys(facts).sort()).toEqual(['cases', 'deadlines', 'outcomes']);
    expect(facts.cases).toEqual([...DEFAULT_SHARING_FIELDS.cases]);
    const pseudonymised = presetProfile('pseudonymised');
    expect(pseudonymised.people).toEqual([...DEFAULT_SHARING_FIELDS.people]);
    expect(pseudonymised.people).not.toContain('full-name');
    expect(SHARING_PRESETS.map((p) => profileAllows(presetProfile(p), 'evidence', 'file'))).toEqual([
      false,
      false,
      true,
    ]);
    for (const p of SHARING_PRESETS) {
      expect(profileAllows(presetProfile(p), 'people', 'contact')).toBe(false);
      expect(profileAllows(presetProfile(p), 'people', 'safety-notes')).toBe(false);
    }
    expect(profileAllows(presetProfile('full-with-files'), 'people', 'full-name')).toBe(true);
  });
});

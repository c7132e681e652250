import { describe, expect, it } from 'vitest';
import { validate } from '../issues';
import { acceptability, acceptanceSchema, changeRequestSchema, type RevisionStanding } from './acceptance';

const current: RevisionStanding = { number: 2, validUntil: '2026-12-31', latestSent: 2, accepted: null, declined: false };

describe('accepting a revision', () => {
  it('is open for the latest sent revision up to and on its last valid day', () => {
    expect(acceptability(current, '2026-12-31')).toEqual({ ok: true });
  });

  it('is refused, each for its own reason, once expired, superseded, accepted or declined', () => {
    expect(acceptability(current, '2027-01-01')).toEqual({ ok: false, reason: 'expired', validUntil: '2026-12-31' });
    expect(acceptability({ ...current, number: 1 }, '2026-12-01')).toEqual({ ok: false, reason: 'superseded', latest: 2 });
    expect(acceptability({ ...current, accepted: 2 }, '2026-12-01')).toEqual({ ok: false, reason: 'accepted', revision: 2 });
    expect(acceptability({ ...current, declined: true }, '2026-12-01')).toEqual({ ok: false, reason: 'declined' });
    // An accepted quote stays accepted even after its validity ends.
    expect(acceptability({ ...current, accepted: 2 }, '2027-02-01')).toMatchObject({ reason: 'accepted' });
  });
});

describe('the signature', () => {
  const signed = { revision: '2', option: 'recommended', fullName: 'Dana Whitfield', consent: true };

  it('takes a typed full name and the consent box', () => {
    expect(acceptanceSchema.parse(signed)).toEqual({ revision: 2, option: 'recommended', addOns: [], fullName: 'Dana Whitfield', consent: true });
  });

  it('names the field and says why when the name or the consent is missing', () => {
    const result = validate(acceptanceSchema, { ...signed, fullName: 'Dana', consent: false });
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['fullName'], message: 'Type your first and last name' }),
        expect.objectContaining({ path: ['consent'], message: 'Tick the box to agree to sign electronically' }),
      ]),
    );
    const blank = validate(changeRequestSchema, { revision: 2, message: '  ' });
    expect(blank.ok ? [] : blank.issues).toEqual([expect.objectContaining({ path: ['message'], message: 'Say what you would like changed' })]);
  });
});

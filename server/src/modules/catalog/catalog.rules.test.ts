import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../test/error-code.js';
import { AppError } from '../../platform/errors.js';
import { assertEligible, eligibilityReasons, type EligibilityFacts } from './catalog.rules.js';
import {
  buildNoticeNumber,
  checkDigitsOf,
  formatNoticeNumber,
  isValidNoticeNumber,
  iuvBaseOf,
} from './catalog.pagopa.js';

const none: EligibilityFacts = { certifiedDisability: false, schoolEnrolled: false, workingParent: false };
const all: EligibilityFacts = { certifiedDisability: true, schoolEnrolled: true, workingParent: true };

describe('eligibility for municipal services', () => {
  it('admits a pupil with certified disability enrolled at school to SAAP', () => {
    expect(eligibilityReasons('saap', { ...none, certifiedDisability: true, schoolEnrolled: true })).toEqual(
      [],
    );
  });

  it('refuses SAAP without a certified disability, naming the reason', () => {
    expect(eligibilityReasons('saap', { ...none, schoolEnrolled: true }).map((r) => r.code)).toEqual([
      'DISABILITY_NOT_CERTIFIED',
    ]);
  });

  it('refuses SAAP to a pupil not enrolled at school', () => {
    expect(eligibilityReasons('saap', { ...none, certifiedDisability: true }).map((r) => r.code)).toEqual([
      'NOT_ENROLLED_IN_SCHOOL',
    ]);
  });

  it('gives both reasons when both are missing', () => {
    expect(eligibilityReasons('saap', none).map((r) => r.code)).toEqual([
      'DISABILITY_NOT_CERTIFIED',
      'NOT_ENROLLED_IN_SCHOOL',
    ]);
  });

  it('refuses disabled transport without a certified disability, whatever else holds', () => {
    expect(
      eligibilityReasons('disabled_transport', { ...all, certifiedDisability: false }).map((r) => r.code),
    ).toEqual(['DISABILITY_NOT_CERTIFIED']);
    expect(eligibilityReasons('disabled_transport', { ...none, certifiedDisability: true })).toEqual([]);
  });

  it('refuses conciliazione without a working parent', () => {
    expect(eligibilityReasons('conciliazione', { ...all, workingParent: false }).map((r) => r.code)).toEqual([
      'NO_WORKING_PARENT',
    ]);
    expect(eligibilityReasons('conciliazione', { ...none, workingParent: true })).toEqual([]);
  });

  it('throws a 422 with the reasons in Italian, and lets a private service through', () => {
    let thrown: unknown;
    try {
      assertEligible('conciliazione', none);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).statusCode).toBe(422);
    expect((thrown as AppError).message).toMatch(/genitore che lavora/);
    expect((thrown as AppError).details).toMatchObject({ field: 'eligibility.workingParent' });
    expect(errorCodeOf(() => assertEligible(null, none))).toBeUndefined();
  });
});

describe('pagoPA notice number', () => {
  // Oracle values computed independently (Python int arithmetic) for <3><segregation><base> mod 93.
  it('computes the check digits as the remainder mod 93', () => {
    expect(checkDigitsOf('02', '0000000000001')).toBe('84');
    expect(checkDigitsOf('47', '1234567890123')).toBe('89');
    expect(checkDigitsOf('00', '0000000000000')).toBe('03');
  });

  it('builds the 18-digit number: aux digit 3, segregation code, IUV base, check digits', () => {
    expect(buildNoticeNumber('02', '0000000000001')).toEqual({
      noticeNumber: '302000000000000184',
      iuv: '02000000000000184',
      checkDigits: '84',
    });
    const built = buildNoticeNumber('99', '9999999999999');
    expect(built.noticeNumber).toBe('399999999999999903');
    expect(built.noticeNumber).toHaveLength(18);
    expect(built.iuv).toHaveLength(17);
  });

  it('pads a sequence number to a 13-digit IUV base', () => {
    expect(iuvBaseOf(1)).toBe('0000000000001');
    expect(() => iuvBaseOf(10n ** 13n)).toThrow(RangeError);
  });

  it('validates a notice number and refuses a wrong check digit or aux digit', () => {
    expect(isValidNoticeNumber('302000000000000184')).toBe(true);
    expect(isValidNoticeNumber('302000000000000185')).toBe(false);
    expect(isValidNoticeNumber('002000000000000184')).toBe(false);
    expect(isValidNoticeNumber('30200000000000018')).toBe(false);
  });

  it('refuses a malformed segregation code or base', () => {
    expect(errorCodeOf(() => buildNoticeNumber('2', '0000000000001'))).toBe('PAGOPA_FORMAT');
    expect(errorCodeOf(() => buildNoticeNumber('02', '12'))).toBe('PAGOPA_FORMAT');
  });

  it('prints in groups of four', () => {
    expect(formatNoticeNumber('302000000000000184')).toBe('3020 0000 0000 0001 84');
  });
});

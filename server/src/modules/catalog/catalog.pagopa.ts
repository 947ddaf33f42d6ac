import { invalid } from '../../platform/errors.js';

/*
 * pagoPA payment notice number (numero avviso, "Specifiche attuative dei codici identificativi di
 * versamento"): 18 digits = aux digit 3 + IUV, where the IUV (17 digits) is the creditor's
 * 2-digit segregation code + a 13-digit base + 2 check digits, the check digits being the
 * remainder mod 93 of the number <aux digit><segregation code><IUV base>.
 */

export const AUX_DIGIT = '3';

export interface NoticeNumber {
  /** 18 digits. */
  noticeNumber: string;
  /** 17 digits: segregation code + base + check digits. */
  iuv: string;
  checkDigits: string;
}

/** The two check digits of an aux-digit-3 notice: remainder mod 93, zero-padded. */
export function checkDigitsOf(segregationCode: string, iuvBase: string): string {
  return String(BigInt(`${AUX_DIGIT}${segregationCode}${iuvBase}`) % 93n).padStart(2, '0');
}

/**
 * Builds a notice number from the creditor's segregation code and a 13-digit IUV base.
 * @throws 422 PAGOPA_FORMAT when either part has the wrong shape.
 */
export function buildNoticeNumber(segregationCode: string, iuvBase: string): NoticeNumber {
  if (!/^[0-9]{2}$/.test(segregationCode)) {
    throw invalid('PAGOPA_FORMAT', 'Il codice di segregazione pagoPA deve avere 2 cifre.', {
      field: 'segregationCode',
    });
  }
  if (!/^[0-9]{13}$/.test(iuvBase)) {
    throw invalid('PAGOPA_FORMAT', 'La base dello IUV deve avere 13 cifre.', { field: 'iuvBase' });
  }
  const checkDigits = checkDigitsOf(segregationCode, iuvBase);
  const iuv = `${segregationCode}${iuvBase}${checkDigits}`;
  return { noticeNumber: `${AUX_DIGIT}${iuv}`, iuv, checkDigits };
}

/** The 13-digit IUV base of a sequence number (one per notice of a creditor). */
export function iuvBaseOf(sequence: number | bigint): string {
  const text = String(sequence);
  if (!/^[0-9]{1,13}$/.test(text)) throw new RangeError('IUV sequence out of range');
  return text.padStart(13, '0');
}

/** True when an 18-digit notice number has aux digit 3 and correct check digits. */
export function isValidNoticeNumber(value: string): boolean {
  const m = /^3([0-9]{2})([0-9]{13})([0-9]{2})$/.exec(value);
  return m !== null && checkDigitsOf(m[1]!, m[2]!) === m[3];
}

/** As printed on the notice: groups of four digits ("3020 0000 0000 0001 84"). */
export function formatNoticeNumber(value: string): string {
  return value.replace(/(.{4})(?=.)/g, '$1 ');
}

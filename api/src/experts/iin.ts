// The IIN (individual identification number) of a person in Kazakhstan: 12 digits with the
// same check-digit rule as the BIN (organizations/bin.ts). An IIN is personal data: the
// messages here describe the rule broken and never repeat the number.
import { binCheckDigit, binProblem, type BinProblem } from '../organizations/bin.ts';

export type IinProblem = BinProblem;

/** Why an IIN is invalid, or null when it is valid. */
export function iinProblem(iin: string): IinProblem | null {
  return binProblem(iin);
}

export function isValidIin(iin: string): boolean {
  return iinProblem(iin) === null;
}

/** Safe to show and to log: states the rule, not the value. */
export const iinRuleText: Record<IinProblem, string> = {
  FORMAT: 'an IIN is exactly 12 digits',
  CHECK_DIGIT: 'the 12th digit of an IIN must equal its check digit (weights 1..11 mod 11, then 3..11,1,2)',
};

/**
 * Whether 12 digits may be a person's IIN rather than an organization's BIN. They share the
 * check digit, so only the shape tells them apart: an IIN starts with the birth date
 * (YYMMDD, so its 5th digit, the tens of the day, is 0 to 3), a BIN with YYMM and then the
 * kind of entity (4, 5 or 6).
 */
export function mayBeIin(digits: string): boolean {
  return !/^\d{4}[4-6]\d{7}$/.test(digits) || !isValidIin(digits);
}

/** Spaces and dashes people type into numbers are dropped; anything else is kept for the check. */
export function normaliseIin(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** The IIN with all but its last four digits hidden, e.g. "********1234". */
export function maskIin(iin: string): string {
  return `${'*'.repeat(Math.max(0, iin.length - 4))}${iin.slice(-4)}`;
}

/** The 12-digit IIN for the first 11 digits, or null when no check digit exists for them. */
export function completeIin(first11: string): string | null {
  const check = binCheckDigit(first11);
  return check === null ? null : `${first11}${check}`;
}

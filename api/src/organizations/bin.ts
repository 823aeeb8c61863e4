// The BIN (business identification number) of a Kazakh legal entity: 12 digits, the last
// a check digit. Weights 1..11 over the first 11 digits, sum mod 11; when that gives 10,
// weights 3..11,1,2 instead; when that gives 10 again, no valid BIN has these 11 digits.
// The database enforces the same rule (kza_bin_is_valid in the first migration).

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0) % 11;
}

/** The check digit for the first 11 digits, or null when no check digit exists for them. */
export function binCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const first = weightedSum(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedSum(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

export type BinProblem = 'FORMAT' | 'CHECK_DIGIT';

/** Why a BIN is invalid, or null when it is valid. */
export function binProblem(bin: string): BinProblem | null {
  if (!/^\d{12}$/.test(bin)) return 'FORMAT';
  return binCheckDigit(bin.slice(0, 11)) === Number(bin[11]) ? null : 'CHECK_DIGIT';
}

export function isValidBin(bin: string): boolean {
  return binProblem(bin) === null;
}

export const binRuleText: Record<BinProblem, string> = {
  FORMAT: 'a BIN is exactly 12 digits',
  CHECK_DIGIT: 'the 12th digit of a BIN must equal its check digit (weights 1..11 mod 11, then 3..11,1,2)',
};

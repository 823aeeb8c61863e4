import { describe, expect, it } from 'vitest';
import { binCheckDigit, binProblem, isValidBin } from './bin.ts';

describe('BIN check digit', () => {
  it('takes the check digit from weights 1..11 when their sum mod 11 is not 10', () => {
    // only the 11th digit is set: 1 × 11 = 11 → 0
    expect(binCheckDigit('00000000001')).toBe(0);
    expect(isValidBin('000000000010')).toBe(true);
    expect(isValidBin('000000000019')).toBe(false);
  });

  it('falls back to weights 3..11,1,2 when the first sum gives 10', () => {
    // only the 10th digit is set: 1 × 10 = 10 → second weights: 1 × 1 = 1
    expect(binCheckDigit('00000000010')).toBe(1);
    expect(isValidBin('000000000101')).toBe(true);
    expect(isValidBin('000000000100')).toBe(false);
  });

  it('rejects every 12th digit when both sums give 10', () => {
    // 2nd digit 5 → 5 × 2 = 10, then 5 × 4 = 20 → 9; add 11th digit d: first 10 + 11d ≡ 10, second 9 + 2d.
    // 2d ≡ 1 (mod 11) → d = 6: second sum 9 + 12 = 21 → 10.
    expect(binCheckDigit('05000000006')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidBin(`05000000006${d}`)).toBe(false);
  });

  it('names the broken rule', () => {
    expect(binProblem('12345')).toBe('FORMAT');
    expect(binProblem('12345678901a')).toBe('FORMAT');
    expect(binProblem(' 000000000010')).toBe('FORMAT');
    expect(binProblem('000000000011')).toBe('CHECK_DIGIT');
    expect(binProblem('000000000010')).toBeNull();
  });
});

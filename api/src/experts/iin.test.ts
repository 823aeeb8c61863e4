import { describe, expect, it } from 'vitest';
import { completeIin, iinProblem, iinRuleText, isValidIin, maskIin, normaliseIin } from './iin.ts';

describe('the IIN', () => {
  it('uses the BIN check-digit rule', () => {
    const iin = completeIin('85010130012');
    expect(iin).not.toBeNull();
    expect(isValidIin(iin ?? '')).toBe(true);
    expect(iinProblem(`${iin?.slice(0, 11)}${(Number(iin?.[11]) + 1) % 10}`)).toBe('CHECK_DIGIT');
    expect(iinProblem('8501013001')).toBe('FORMAT');
    expect(completeIin('05000000006')).toBeNull();
  });

  it('describes its rules without any number in them, and masks all but the last four digits', () => {
    for (const text of Object.values(iinRuleText)) expect(text).not.toMatch(/\d{4}/);
    expect(maskIin('850101300121')).toBe('********0121');
    expect(normaliseIin(' 850101 300-121 ')).toBe('850101300121');
  });
});

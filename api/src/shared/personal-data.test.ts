// What the logs keep readable and what they hide.
import { describe, expect, it } from 'vitest';
import { completeIin } from '../experts/iin.ts';
import { scrubPersonalData } from './personal-data.ts';

/** A valid 12-digit number for the first 11 digits (the IIN and the BIN share the check digit). */
function valid(first11: string): string {
  const number = completeIin(first11);
  if (!number) throw new Error(`${first11}: no check digit`);
  return number;
}

describe('scrubPersonalData', () => {
  // Registered in May 2005 as a resident legal entity (5th digit 4): public.
  const bin = valid('05054000012');
  // Born 15 May 1990, a man of the 20th century (7th digit 3).
  const iin = valid('90051530123');

  it('keeps an organization’s BIN readable, as the public register shows it', () => {
    expect(scrubPersonalData(`duplicate key (bin)=(${bin})`)).toBe(`duplicate key (bin)=(${bin})`);
  });

  it('hides an IIN, though it passes the same check digit as a BIN', () => {
    expect(scrubPersonalData(`expert ${iin} not found`)).toBe('expert [number hidden] not found');
  });

  it('hides a 12-digit number of a BIN’s shape whose check digit fails (a mistyped number may be anyone’s)', () => {
    const wrong = `${bin.slice(0, 11)}${(Number(bin[11]) + 1) % 10}`;
    expect(scrubPersonalData(`value ${wrong}`)).toBe('value [number hidden]');
  });

  it('hides phone numbers and masks e-mail addresses', () => {
    expect(scrubPersonalData('call +7 (701) 123-45-67 or write aigerim@example.kz')).toBe('call [number hidden] or write a***@example.kz');
  });
});

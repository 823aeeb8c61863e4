import { describe, expect, it } from 'vitest';
import { DEMO_CERTIFICATE_PREFIX, isOnPublicRegister } from './certification.ts';
import { demoExpertPool } from './demo-pool.ts';
import { isValidIin } from './iin.ts';

describe('the demo expert pool', () => {
  const pool = demoExpertPool(200, 7);

  it('is deterministic: the same size and seed give the same records, another seed others', () => {
    expect(demoExpertPool(200, 7)).toEqual(pool);
    expect(demoExpertPool(20, 7)).toEqual(pool.slice(0, 20));
    expect(demoExpertPool(20, 8).map((e) => e.iin)).not.toEqual(pool.slice(0, 20).map((e) => e.iin));
  });

  it('gives valid, distinct IINs and marks every record as demonstration data', () => {
    expect(pool.every((e) => isValidIin(e.iin) && e.isDemo)).toBe(true);
    expect(new Set(pool.map((e) => e.iin)).size).toBe(pool.length);
    expect(pool.every((e) => e.email.endsWith('.invalid'))).toBe(true);
    const numbers = pool.flatMap((e) => (e.certificateNumber ? [e.certificateNumber] : []));
    expect(numbers.every((n) => n.startsWith(DEMO_CERTIFICATE_PREFIX))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('varies names, languages, levels, subjects, regions and statuses', () => {
    expect(pool.some((e) => /[әғқңөұүһі]/.test(e.nameKk))).toBe(true);
    expect(pool.some((e) => e.nameKk === e.nameRu)).toBe(true);
    for (const language of ['KK', 'RU', 'EN'] as const) expect(pool.some((e) => e.languages.includes(language))).toBe(true);
    for (const level of ['SECONDARY', 'TECHNICAL_VOCATIONAL', 'POST_SECONDARY'] as const) expect(pool.some((e) => e.levels.includes(level))).toBe(true);
    expect(new Set(pool.flatMap((e) => e.subjectAreas)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(pool.map((e) => e.regionCode)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(pool.map((e) => e.status))).toEqual(new Set(['CANDIDATE', 'IN_TRAINING', 'ASSESSED', 'CERTIFIED', 'SUSPENDED', 'EXPIRED']));
    const certified = pool.filter((e) => isOnPublicRegister(e, '2026-09-01')).length;
    expect(certified).toBeGreaterThan(120);
    expect(pool.every((e) => e.languages.length > 0 && e.levels.length > 0 && e.subjectAreas.length > 0)).toBe(true);
  });

  it('employs some at NIS campuses and links some by family, with consistent dates', () => {
    expect(pool.filter((e) => e.employments.some((job) => job.organizationBin)).length).toBeGreaterThan(40);
    expect(pool.filter((e) => e.familyLinks.length > 0).length).toBeGreaterThan(5);
    for (const expert of pool) {
      expect(expert.employments.length).toBeGreaterThan(0);
      for (const job of expert.employments) {
        expect(job.startedOn < '2026-09-01').toBe(true);
        if (job.endedOn) expect(job.endedOn > job.startedOn).toBe(true);
      }
      if (expert.certificateIssuedOn && expert.certificateValidUntil && expert.assessedOn) {
        expect(expert.assessedOn < expert.certificateIssuedOn && expert.certificateIssuedOn < expert.certificateValidUntil).toBe(true);
        expect(expert.ethicsAcknowledgedAt).not.toBeNull();
      }
    }
  });

  it('makes every expert certified and valid on the given day when asked', () => {
    const seeded = demoExpertPool(40, 2025, { certifiedOnly: true, asOf: '2026-06-01', validityYears: 5 });
    expect(seeded.every((e) => isOnPublicRegister(e, '2026-06-01'))).toBe(true);
    expect(seeded.every((e) => (e.certificateValidUntil ?? '') >= '2028-05-01')).toBe(true);
  });
});

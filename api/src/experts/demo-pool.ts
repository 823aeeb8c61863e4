// A deterministic pool of demonstration experts, for tests (team formation ranks a pool of
// 200) and for the seed (40 certified experts, so the public register has content).
// The same (n, seedNumber, options) always gives the same records. Every record is
// demonstration data: `isDemo: true`, e-mail addresses under the reserved .invalid domain
// (nothing is ever delivered there), and certificate numbers starting with "DEMO-", the
// marker the register shows (the Expert table has no demo column).
// The IINs are random numbers of the right shape (birth date, century and sex digit, serial)
// with a valid check digit; they are not taken from any real person.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ETHICS_CODE_VERSION, repositoryRoot } from '../config.ts';
import type { CertificationStatus, EducationLevel, Language } from '../generated/prisma/enums.ts';
import { DEFAULT_PASS_MARK, DEMO_CERTIFICATE_PREFIX, type CertificationRecord } from './certification.ts';
import { seededRandom } from '../shared/random.ts';
import { completeIin } from './iin.ts';

export interface DemoEmployment {
  employerName: string;
  /** BIN of a seeded NIS campus when the employer is one; null otherwise. */
  organizationBin: string | null;
  position: string;
  startedOn: string;
  endedOn: string | null;
}

export interface DemoFamilyLink {
  organizationBin: string;
  description: string;
}

/** The certification fields as the pool writes them: the moment of acknowledgement as ISO 8601 text. */
type DemoCertification = Omit<CertificationRecord, 'ethicsAcknowledgedAt'> & { ethicsAcknowledgedAt: string | null };

export interface DemoExpert extends DemoCertification {
  isDemo: true;
  iin: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  email: string;
  phone: string;
  languages: Language[];
  levels: EducationLevel[];
  subjectAreas: string[];
  regionCode: string;
  city: string;
  employments: DemoEmployment[];
  familyLinks: DemoFamilyLink[];
}

export interface DemoCampus {
  bin: string;
  nameRu: string;
  regionCode: string;
  city: string;
}

export interface DemoRegion {
  code: string;
  /** Administrative centre (English spelling), used as the expert's city. */
  centre: string;
}

export interface DemoPoolOptions {
  /** The day the pool describes (YYYY-MM-DD): validity and histories are placed around it. Default 2026-09-01. */
  asOf?: string;
  /** Every expert CERTIFIED and valid on asOf (the seed); otherwise a mix of statuses, mostly certified. */
  certifiedOnly?: boolean;
  /** Years a certificate is valid (default 3). */
  validityYears?: number;
  /** NIS campuses for employment and family links; default prisma/seed/nis-campuses.json. */
  campuses?: readonly DemoCampus[];
  /** Regions to place experts in; default prisma/seed/regions.json. */
  regions?: readonly DemoRegion[];
}

/** Subject area codes used by the pool; the site names them in three languages. */
export const DEMO_SUBJECT_AREAS = [
  'mathematics',
  'physics',
  'chemistry',
  'biology',
  'computer-science',
  'kazakh-language',
  'russian-language',
  'english-language',
  'history',
  'geography',
  'governance',
  'inclusive-education',
  'vocational-training',
  'assessment',
] as const;

/** The demonstration experts acknowledged the default version in force (KZA_ETHICS_CODE_VERSION). */
export const DEMO_ETHICS_CODE_VERSION = DEFAULT_ETHICS_CODE_VERSION;

type Triple = readonly [kk: string, ru: string, en: string];

const KAZAKH_MALE: readonly Triple[] = [
  ['Асқар', 'Аскар', 'Askar'],
  ['Ерлан', 'Ерлан', 'Yerlan'],
  ['Нұрлан', 'Нурлан', 'Nurlan'],
  ['Дәурен', 'Даурен', 'Dauren'],
  ['Бауыржан', 'Бауыржан', 'Bauyrzhan'],
  ['Қайрат', 'Кайрат', 'Kairat'],
  ['Ербол', 'Ербол', 'Yerbol'],
  ['Арман', 'Арман', 'Arman'],
  ['Серік', 'Серик', 'Serik'],
  ['Мұрат', 'Мурат', 'Murat'],
  ['Жандос', 'Жандос', 'Zhandos'],
  ['Талғат', 'Талгат', 'Talgat'],
];

const KAZAKH_FEMALE: readonly Triple[] = [
  ['Айгүл', 'Айгуль', 'Aigul'],
  ['Гүлнар', 'Гульнар', 'Gulnar'],
  ['Динара', 'Динара', 'Dinara'],
  ['Әсел', 'Асель', 'Assel'],
  ['Жанар', 'Жанар', 'Zhanar'],
  ['Сәуле', 'Сауле', 'Saule'],
  ['Ақмарал', 'Акмарал', 'Akmaral'],
  ['Мәдина', 'Мадина', 'Madina'],
  ['Ләззат', 'Ляззат', 'Lyazzat'],
  ['Айжан', 'Айжан', 'Aizhan'],
  ['Гауһар', 'Гаухар', 'Gaukhar'],
  ['Салтанат', 'Салтанат', 'Saltanat'],
];

/** Male forms; the female form adds "а" / "a". */
const KAZAKH_SURNAMES: readonly Triple[] = [
  ['Жұмабеков', 'Жумабеков', 'Zhumabekov'],
  ['Нұрғалиев', 'Нургалиев', 'Nurgaliyev'],
  ['Сейітов', 'Сеитов', 'Seitov'],
  ['Ахметов', 'Ахметов', 'Akhmetov'],
  ['Омаров', 'Омаров', 'Omarov'],
  ['Қасымов', 'Касымов', 'Kassymov'],
  ['Тоқтаров', 'Токтаров', 'Toktarov'],
  ['Бекмұханов', 'Бекмуханов', 'Bekmukhanov'],
  ['Әбдіров', 'Абдиров', 'Abdirov'],
  ['Сәрсенбаев', 'Сарсенбаев', 'Sarsenbayev'],
  ['Құдайбергенов', 'Кудайбергенов', 'Kudaibergenov'],
  ['Байжанов', 'Байжанов', 'Baizhanov'],
  ['Есенов', 'Есенов', 'Yessenov'],
  ['Мұқанов', 'Муканов', 'Mukanov'],
];

const RUSSIAN_MALE: readonly (readonly [ru: string, en: string])[] = [
  ['Андрей', 'Andrei'],
  ['Дмитрий', 'Dmitry'],
  ['Сергей', 'Sergei'],
  ['Игорь', 'Igor'],
  ['Владимир', 'Vladimir'],
  ['Павел', 'Pavel'],
];

const RUSSIAN_FEMALE: readonly (readonly [ru: string, en: string])[] = [
  ['Елена', 'Elena'],
  ['Ольга', 'Olga'],
  ['Наталья', 'Natalya'],
  ['Татьяна', 'Tatyana'],
  ['Ирина', 'Irina'],
  ['Светлана', 'Svetlana'],
];

const RUSSIAN_SURNAMES: readonly (readonly [ru: string, en: string])[] = [
  ['Иванов', 'Ivanov'],
  ['Петров', 'Petrov'],
  ['Смирнов', 'Smirnov'],
  ['Кузнецов', 'Kuznetsov'],
  ['Попов', 'Popov'],
  ['Волков', 'Volkov'],
  ['Морозов', 'Morozov'],
  ['Лебедев', 'Lebedev'],
];

/** A father's name and the patronymics it gives a son and a daughter. */
const RUSSIAN_PATRONYMICS: readonly (readonly [son: string, daughter: string])[] = [
  ['Иванович', 'Ивановна'],
  ['Петрович', 'Петровна'],
  ['Сергеевич', 'Сергеевна'],
  ['Николаевич', 'Николаевна'],
  ['Александрович', 'Александровна'],
  ['Викторович', 'Викторовна'],
];

const POSITIONS = [
  'учитель математики',
  'учитель физики',
  'учитель химии',
  'учитель биологии',
  'учитель информатики',
  'заместитель директора по учебной работе',
  'методист',
  'директор',
  'преподаватель колледжа',
] as const;

const FAMILY_LINKS = [
  'Супруг(а) работает в организации',
  'Брат или сестра работает в организации',
  'Ребёнок обучается в организации',
] as const;

const SUSPENSION_REASONS = [
  'Не задекларирован конфликт интересов при формировании группы',
  'Нарушение конфиденциальности материалов внешней оценки',
] as const;

class Dice {
  constructor(private readonly next: () => number) {}
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** `count` distinct items, in the list's order. */
  some<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((index) => items[index] as T);
  }
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const addYears = (date: string, years: number): string => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

let defaultCampuses: DemoCampus[] | undefined;
let defaultRegions: DemoRegion[] | undefined;

function readSeed<T>(name: string): T {
  return JSON.parse(readFileSync(join(repositoryRoot, 'prisma', 'seed', name), 'utf8')) as T;
}

function seededCampuses(): DemoCampus[] {
  defaultCampuses ??= readSeed<{ organizations: DemoCampus[] }>('nis-campuses.json').organizations.map(({ bin, nameRu, regionCode, city }) => ({
    bin,
    nameRu,
    regionCode,
    city,
  }));
  return defaultCampuses;
}

function seededRegions(): DemoRegion[] {
  // "Oral (Uralsk)" → "Oral": the city as people write it.
  defaultRegions ??= readSeed<{ regions: DemoRegion[] }>('regions.json').regions.map(({ code, centre }) => ({ code, centre: centre.replace(/\s*\(.*\)$/, '') }));
  return defaultRegions;
}

interface Person {
  nameKk: string;
  nameRu: string;
  nameEn: string;
  female: boolean;
  kazakh: boolean;
}

function person(dice: Dice): Person {
  const female = dice.chance(0.55);
  if (dice.chance(0.72)) {
    const [givenKk, givenRu, givenEn] = dice.pick(female ? KAZAKH_FEMALE : KAZAKH_MALE);
    const [surKk, surRu, surEn] = dice.pick(KAZAKH_SURNAMES);
    const [fatherKk, fatherRu] = dice.pick(KAZAKH_MALE);
    const ending = female ? 'а' : '';
    return {
      nameKk: `${surKk}${ending} ${givenKk} ${fatherKk}${female ? 'қызы' : 'ұлы'}`,
      nameRu: `${surRu}${ending} ${givenRu} ${fatherRu}${female ? 'овна' : 'ович'}`,
      nameEn: `${givenEn} ${surEn}${female ? 'a' : ''}`,
      female,
      kazakh: true,
    };
  }
  const [givenRu, givenEn] = dice.pick(female ? RUSSIAN_FEMALE : RUSSIAN_MALE);
  const [surRu, surEn] = dice.pick(RUSSIAN_SURNAMES);
  const [son, daughter] = dice.pick(RUSSIAN_PATRONYMICS);
  // Kazakh documents write a Russian name as it is.
  const nameRu = `${surRu}${female ? 'а' : ''} ${givenRu} ${female ? daughter : son}`;
  return { nameKk: nameRu, nameRu, nameEn: `${givenEn} ${surEn}${female ? 'a' : ''}`, female, kazakh: false };
}

/** YYMMDD, the century-and-sex digit (3/4: born in the 1900s, male/female), a serial, the check digit. */
function demoIin(dice: Dice, female: boolean, taken: Set<string>): string {
  for (;;) {
    const born = addDays('1962-01-01', dice.int(0, 33 * 365));
    const first11 = `${born.slice(2, 4)}${born.slice(5, 7)}${born.slice(8, 10)}${female ? 4 : 3}${String(dice.int(0, 9999)).padStart(4, '0')}`;
    const iin = completeIin(first11);
    if (iin && !taken.has(iin)) {
      taken.add(iin);
      return iin;
    }
  }
}

function pickStatus(dice: Dice, certifiedOnly: boolean): CertificationStatus {
  if (certifiedOnly) return 'CERTIFIED';
  const roll = dice.int(1, 100);
  if (roll <= 70) return 'CERTIFIED';
  if (roll <= 75) return 'SUSPENDED';
  if (roll <= 82) return 'EXPIRED';
  if (roll <= 88) return 'ASSESSED';
  if (roll <= 95) return 'IN_TRAINING';
  return 'CANDIDATE';
}

function employmentsOf(dice: Dice, asOf: string, regionCode: string, city: string, campuses: readonly DemoCampus[]): DemoEmployment[] {
  const count = dice.int(1, 3);
  const atCampus = campuses.length > 0 && dice.chance(0.45) ? dice.int(0, count - 1) : -1;
  const nearby = campuses.filter((campus) => campus.regionCode === regionCode);
  let start = addDays(asOf, -dice.int(8 * 365, 25 * 365));
  const jobs: DemoEmployment[] = [];
  for (let index = 0; index < count; index += 1) {
    const last = index === count - 1;
    const drawn = last ? (dice.chance(0.8) ? null : addDays(asOf, -dice.int(30, 3 * 365))) : addDays(start, dice.int(2 * 365, 8 * 365));
    // A job that would end after asOf (or before it started) is still held on asOf.
    const end = drawn !== null && (drawn >= asOf || drawn <= start) ? null : drawn;
    const campus = index === atCampus ? dice.pick(nearby.length && dice.chance(0.6) ? nearby : campuses) : null;
    jobs.push({
      employerName: campus ? campus.nameRu : dice.chance(0.7) ? `Школа-гимназия № ${dice.int(1, 120)} (${city})` : `Колледж № ${dice.int(1, 40)} (${city})`,
      organizationBin: campus?.bin ?? null,
      position: dice.pick(POSITIONS),
      startedOn: start,
      endedOn: end,
    });
    if (end === null) break;
    start = addDays(end, dice.int(1, 60));
    if (start >= asOf) break;
  }
  return jobs;
}

/**
 * `n` demonstration experts from `seedNumber`. Without `certifiedOnly`, about 70% are
 * certified and valid on asOf; the rest are suspended, expired, assessed, in training or
 * candidates. About 45% worked at an NIS campus, about 12% have a family link to one.
 */
export function demoExpertPool(n: number, seedNumber: number, options: DemoPoolOptions = {}): DemoExpert[] {
  const asOf = options.asOf ?? '2026-09-01';
  const validityYears = options.validityYears ?? 3;
  const campuses = options.campuses ?? seededCampuses();
  const regions = options.regions ?? seededRegions();
  if (!regions.length) throw new Error('demoExpertPool needs at least one region');
  const dice = new Dice(seededRandom(seedNumber));
  const taken = new Set<string>();
  const experts: DemoExpert[] = [];

  for (let index = 1; index <= n; index += 1) {
    const who = person(dice);
    const region = dice.pick(regions);
    const languages: Language[] = who.kazakh
      ? ['KK', ...(dice.chance(0.85) ? (['RU'] as const) : []), ...(dice.chance(0.25) ? (['EN'] as const) : [])]
      : [...(dice.chance(0.3) ? (['KK'] as const) : []), 'RU', ...(dice.chance(0.25) ? (['EN'] as const) : [])];
    const levels: EducationLevel[] = [];
    if (dice.chance(0.7)) levels.push('SECONDARY');
    if (dice.chance(0.35)) levels.push('TECHNICAL_VOCATIONAL');
    if (dice.chance(0.15) || levels.length === 0) levels.push('POST_SECONDARY');
    const subjectAreas = dice.some(DEMO_SUBJECT_AREAS, dice.int(1, 3));
    if (levels.includes('TECHNICAL_VOCATIONAL') && !subjectAreas.includes('vocational-training') && dice.chance(0.6)) subjectAreas.push('vocational-training');

    const status = pickStatus(dice, options.certifiedOnly ?? false);
    const hasCertificate = status === 'CERTIFIED' || status === 'SUSPENDED' || status === 'EXPIRED';
    let validUntil: string | null = null;
    let issuedOn: string | null = null;
    let assessedOn: string | null = null;
    if (hasCertificate) {
      const validityDays = validityYears * 365;
      validUntil =
        status === 'EXPIRED'
          ? addDays(asOf, -dice.int(1, 300))
          : addDays(asOf, dice.int(Math.round(validityDays * 0.4), validityDays - 30));
      issuedOn = addDays(addYears(validUntil, -validityYears), 1);
      assessedOn = addDays(issuedOn, -dice.int(7, 40));
    } else if (status === 'ASSESSED' || (status === 'IN_TRAINING' && dice.chance(0.5))) {
      assessedOn = addDays(asOf, -dice.int(1, 60));
    }
    const passed = status !== 'IN_TRAINING';
    const score = assessedOn ? (passed ? dice.int(DEFAULT_PASS_MARK, 100) : dice.int(30, DEFAULT_PASS_MARK - 1)) : null;
    const acknowledged = hasCertificate || (status === 'ASSESSED' && dice.chance(0.5));
    const acknowledgedOn = acknowledged ? addDays(assessedOn ?? asOf, dice.int(1, 5)) : null;
    const employments = employmentsOf(dice, asOf, region.code, region.centre, campuses);
    const familyLinks: DemoFamilyLink[] = campuses.length && dice.chance(0.12) ? [{ organizationBin: dice.pick(campuses).bin, description: dice.pick(FAMILY_LINKS) }] : [];
    const login = `${who.nameEn.toLowerCase().replace(/[^a-z]+/g, '.')}.${seedNumber}-${index}`;

    experts.push({
      isDemo: true,
      iin: demoIin(dice, who.female, taken),
      nameKk: who.nameKk,
      nameRu: who.nameRu,
      nameEn: who.nameEn,
      email: `${login}@experts.demo.invalid`,
      phone: `+7 700 ${String(seedNumber % 1000).padStart(3, '0')} ${String(index).padStart(4, '0')}`,
      languages,
      levels,
      subjectAreas,
      regionCode: region.code,
      city: region.centre,
      status,
      assessmentScore: score,
      assessmentPassMark: score === null ? null : DEFAULT_PASS_MARK,
      assessedOn,
      certificateNumber: hasCertificate ? `${DEMO_CERTIFICATE_PREFIX}E-${seedNumber}-${String(index).padStart(4, '0')}` : null,
      certificateIssuedOn: issuedOn,
      certificateValidUntil: validUntil,
      suspensionReason: status === 'SUSPENDED' ? dice.pick(SUSPENSION_REASONS) : null,
      ethicsCodeVersion: acknowledged ? DEMO_ETHICS_CODE_VERSION : null,
      ethicsAcknowledgedAt: acknowledgedOn ? `${acknowledgedOn}T04:00:00.000Z` : null,
      employments,
      familyLinks,
    });
  }
  return experts;
}

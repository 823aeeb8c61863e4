// The open data files (/open-data/*.csv, *.json): their columns, documented in three
// languages, and their rows, built from the same build-time loaders as the pages. The
// /{lang}/open-data/ page documents the same columns, so the files and the page never differ.
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../i18n/ui.ts';
import { loadOrganizations, loadReports } from './api.ts';
import { publishedDecisions } from './decisions.ts';
import { BUILT_AT, almatyDay, organizationPath, pagePath, reportPath } from './format.ts';

type Strings = Record<Lang, string>;

/** Where the site is served (KZA_SITE_URL at build time, via `site` in astro.config.mjs). */
export function siteOrigin(site: URL | undefined): string {
  return (site?.href ?? 'http://localhost:4321/').replace(/\/+$/, '');
}

export const LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  text: {
    en: 'Published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may reuse it for any purpose, with attribution to the accreditation body as the source. Records marked as demonstration data (is_demo = true) are demonstration data, not real accreditation decisions.',
    ru: 'Публикуется по лицензии Creative Commons «Атрибуция» 4.0 Международная (CC BY 4.0): данные можно использовать для любых целей с указанием аккредитационного органа как источника. Записи с отметкой демонстрационных данных (is_demo = true) — демонстрационные, а не настоящие решения об аккредитации.',
    kk: 'Creative Commons «Атрибуция» 4.0 Халықаралық (CC BY 4.0) лицензиясы бойынша жарияланады: деректерді кез келген мақсатта пайдалануға болады, дереккөз ретінде аккредиттеу органын көрсету керек. Демонстрациялық деректер белгісі бар жазбалар (is_demo = true) — нақты аккредиттеу шешімдері емес, демонстрациялық деректер.',
  } satisfies Strings,
};

export const UPDATE_FREQUENCY: Strings = {
  en: 'The files are rebuilt with the whole site each time a decision is published; generatedAt in the JSON files says when.',
  ru: 'Файлы пересоздаются вместе со всем сайтом при каждой публикации решения; время создания указано в поле generatedAt файлов JSON.',
  kk: 'Файлдар әр шешім жарияланған сайын бүкіл сайтпен бірге қайта жасалады; жасалған уақыты JSON файлдарының generatedAt өрісінде көрсетілген.',
};

export interface Column {
  name: string;
  description: Strings;
}

export interface Dataset {
  /** File name without extension, under /open-data/. */
  name: string;
  formats: ('csv' | 'json')[];
  title: Strings;
  columns: Column[];
}

const col = (name: string, en: string, ru: string, kk: string): Column => ({ name, description: { en, ru, kk } });

export const ORGANIZATIONS: Dataset = {
  name: 'organizations',
  formats: ['csv', 'json'],
  title: { en: 'Register of organizations', ru: 'Реестр организаций', kk: 'Ұйымдар тізілімі' },
  columns: [
    col('bin', 'Business identification number (12 digits): the stable identifier of the organization.', 'Бизнес-идентификационный номер (12 цифр): постоянный идентификатор организации.', 'Бизнес-сәйкестендіру нөмірі (12 цифр): ұйымның тұрақты идентификаторы.'),
    col('bin_is_placeholder', 'true when the BIN is a generated placeholder, not the organization’s real BIN.', 'true, если БИН — сгенерированная заглушка, а не настоящий БИН организации.', 'true — БСН ұйымның нақты БСН-і емес, жасалған толтырғыш болса.'),
    col('name_kk', 'Name in Kazakh (empty when not given).', 'Название на казахском (пусто, если не указано).', 'Қазақша атауы (берілмесе бос).'),
    col('name_ru', 'Name in Russian (empty when not given).', 'Название на русском (пусто, если не указано).', 'Орысша атауы (берілмесе бос).'),
    col('name_en', 'Name in English (empty when not given).', 'Название на английском (пусто, если не указано).', 'Ағылшынша атауы (берілмесе бос).'),
    col('kind', 'Kind: SCHOOL, COLLEGE or HIGHER_COLLEGE.', 'Вид: SCHOOL, COLLEGE или HIGHER_COLLEGE.', 'Түрі: SCHOOL, COLLEGE немесе HIGHER_COLLEGE.'),
    col('level', 'Level of education: SECONDARY, TECHNICAL_VOCATIONAL or POST_SECONDARY.', 'Уровень образования: SECONDARY, TECHNICAL_VOCATIONAL или POST_SECONDARY.', 'Білім деңгейі: SECONDARY, TECHNICAL_VOCATIONAL немесе POST_SECONDARY.'),
    col('programme_type', 'Programme type: INTERNATIONAL, SPECIALISED_GIFTED or STATE_STANDARD.', 'Тип программ: INTERNATIONAL, SPECIALISED_GIFTED или STATE_STANDARD.', 'Бағдарлама түрі: INTERNATIONAL, SPECIALISED_GIFTED немесе STATE_STANDARD.'),
    col('languages', 'Languages of instruction (kk, ru, en), separated by “;”.', 'Языки обучения (kk, ru, en) через «;».', 'Оқыту тілдері (kk, ru, en), «;» арқылы.'),
    col('region_code', 'Code of the region (oblast or city of republican significance).', 'Код региона (области или города республиканского значения).', 'Өңір коды (облыс немесе республикалық маңызы бар қала).'),
    col('city', 'City or settlement.', 'Город или населённый пункт.', 'Қала немесе елді мекен.'),
    col('accreditation_status', 'Status on status_as_of: ACCREDITED, IN_PROGRESS, EXPIRED, REFUSED or NOT_ACCREDITED.', 'Статус на дату status_as_of: ACCREDITED, IN_PROGRESS, EXPIRED, REFUSED или NOT_ACCREDITED.', 'status_as_of күнгі мәртебесі: ACCREDITED, IN_PROGRESS, EXPIRED, REFUSED немесе NOT_ACCREDITED.'),
    col('status_as_of', 'The day (Asia/Almaty, YYYY-MM-DD) the status applies to: the build day.', 'День (Asia/Almaty, ГГГГ-ММ-ДД), на который указан статус: день сборки.', 'Мәртебе көрсетілген күн (Asia/Almaty, ЖЖЖЖ-АА-КК): сайт жасалған күн.'),
    col('accredited_until', 'Last day of the current accreditation (YYYY-MM-DD), empty when none.', 'Последний день действующей аккредитации (ГГГГ-ММ-ДД), пусто, если её нет.', 'Қолданыстағы аккредиттеудің соңғы күні (ЖЖЖЖ-АА-КК), болмаса бос.'),
    col('url_kk', 'Permalink of the organization’s page in Kazakh (by BIN; never changes).', 'Постоянная ссылка на страницу организации на казахском (по БИН; не меняется).', 'Ұйым бетінің қазақша тұрақты сілтемесі (БСН бойынша; өзгермейді).'),
    col('url_ru', 'Permalink of the organization’s page in Russian.', 'Постоянная ссылка на страницу организации на русском.', 'Ұйым бетінің орысша тұрақты сілтемесі.'),
    col('url_en', 'Permalink of the organization’s page in English.', 'Постоянная ссылка на страницу организации на английском.', 'Ұйым бетінің ағылшынша тұрақты сілтемесі.'),
    col('is_demo', 'true for demonstration data (not a real organization’s record).', 'true для демонстрационных данных (не запись реальной организации).', 'Демонстрациялық деректер үшін true (нақты ұйымның жазбасы емес).'),
  ],
};

export const DECISIONS: Dataset = {
  name: 'decisions',
  formats: ['csv', 'json'],
  title: { en: 'Published decisions', ru: 'Опубликованные решения', kk: 'Жарияланған шешімдер' },
  columns: [
    col('number', 'Decision number: the stable identifier of the decision.', 'Номер решения: постоянный идентификатор решения.', 'Шешім нөмірі: шешімнің тұрақты идентификаторы.'),
    col('organization_bin', 'BIN of the organization the decision is about.', 'БИН организации, о которой решение.', 'Шешім қатысты ұйымның БСН-і.'),
    col('outcome', 'Outcome: ACCREDITED or REFUSED.', 'Итог: ACCREDITED или REFUSED.', 'Нәтижесі: ACCREDITED немесе REFUSED.'),
    col('decision_date', 'Day the decision was taken (YYYY-MM-DD).', 'Дата принятия решения (ГГГГ-ММ-ДД).', 'Шешім қабылданған күн (ЖЖЖЖ-АА-КК).'),
    col('valid_from', 'First day of the accreditation (empty for a refusal).', 'Первый день аккредитации (пусто при отказе).', 'Аккредиттеудің бірінші күні (бас тартылса бос).'),
    col('valid_until', 'Last day of the accreditation (empty for a refusal).', 'Последний день аккредитации (пусто при отказе).', 'Аккредиттеудің соңғы күні (бас тартылса бос).'),
    col('published_at', 'When the decision was published (ISO 8601 with offset).', 'Когда решение опубликовано (ISO 8601 со смещением).', 'Шешім жарияланған уақыт (ығысуы бар ISO 8601).'),
    col('supersedes', 'Number of the decision this one corrects, empty when none.', 'Номер решения, которое исправляет это решение; пусто, если нет.', 'Осы шешім түзететін шешімнің нөмірі, болмаса бос.'),
    col('superseded_by', 'Number of the decision that corrected this one, empty when none.', 'Номер решения, исправившего это решение; пусто, если нет.', 'Осы шешімді түзеткен шешімнің нөмірі, болмаса бос.'),
    col('is_demo', 'true for demonstration data (not a real decision).', 'true для демонстрационных данных (не настоящее решение).', 'Демонстрациялық деректер үшін true (нақты шешім емес).'),
  ],
};

export const REPORTS: Dataset = {
  name: 'reports',
  formats: ['csv', 'json'],
  title: { en: 'Published reports', ru: 'Опубликованные отчёты', kk: 'Жарияланған есептер' },
  columns: [
    col('id', 'Identifier of the report (the API’s global ID).', 'Идентификатор отчёта (глобальный ID в API).', 'Есептің идентификаторы (API-дегі жаһандық ID).'),
    col('organization_bin', 'BIN of the organization the report is about.', 'БИН организации, о которой отчёт.', 'Есеп қатысты ұйымның БСН-і.'),
    col('kind', 'Kind: SELF_ASSESSMENT, PRELIMINARY, EXTERNAL_FINAL or INTERIM.', 'Вид: SELF_ASSESSMENT, PRELIMINARY, EXTERNAL_FINAL или INTERIM.', 'Түрі: SELF_ASSESSMENT, PRELIMINARY, EXTERNAL_FINAL немесе INTERIM.'),
    col('language', 'Language the report is written in: kk, ru or en.', 'Язык отчёта: kk, ru или en.', 'Есептің тілі: kk, ru немесе en.'),
    col('title', 'Title of the report, in its language.', 'Название отчёта на его языке.', 'Есептің өз тіліндегі атауы.'),
    col('case_number', 'Number of the accreditation case the report belongs to.', 'Номер дела об аккредитации, к которому относится отчёт.', 'Есеп қатысты аккредиттеу ісінің нөмірі.'),
    col('framework_version', 'Version of the standards the case was judged against.', 'Версия стандартов, по которой оценивалось дело.', 'Іс бағаланған стандарттар нұсқасы.'),
    col('published_at', 'When the report was published (ISO 8601 with offset).', 'Когда отчёт опубликован (ISO 8601 со смещением).', 'Есеп жарияланған уақыт (ығысуы бар ISO 8601).'),
    col('url', 'Address of the report’s page, in the report’s language.', 'Адрес страницы отчёта на языке отчёта.', 'Есеп бетінің есеп тіліндегі мекенжайы.'),
    col('is_demo', 'true for demonstration data.', 'true для демонстрационных данных.', 'Демонстрациялық деректер үшін true.'),
  ],
};

export const DATASETS: Dataset[] = [ORGANIZATIONS, DECISIONS, REPORTS];

type Row = Record<string, string | number | boolean | null>;

export async function organizationRows(origin: string): Promise<Row[]> {
  const asOf = almatyDay(BUILT_AT);
  return (await loadOrganizations()).map((org) => ({
    bin: org.bin,
    bin_is_placeholder: org.binIsPlaceholder,
    name_kk: org.name.inKk && !org.name.inKk.isFallback ? org.name.inKk.text : null,
    name_ru: org.name.inRu && !org.name.inRu.isFallback ? org.name.inRu.text : null,
    name_en: org.name.inEn && !org.name.inEn.isFallback ? org.name.inEn.text : null,
    kind: org.kind,
    level: org.level,
    programme_type: org.programmeType,
    languages: org.languages.map((language) => language.toLowerCase()).join(';'),
    region_code: org.region.code,
    city: org.city,
    accreditation_status: org.accreditationStatus,
    status_as_of: asOf,
    accredited_until: org.accreditedUntil,
    url_kk: origin + pagePath('kk', organizationPath(org.bin)),
    url_ru: origin + pagePath('ru', organizationPath(org.bin)),
    url_en: origin + pagePath('en', organizationPath(org.bin)),
    is_demo: org.isDemo,
  }));
}

/** Published decisions in the order of `publishedDecisions`: newest publication first. */
export async function decisionRows(): Promise<Row[]> {
  return publishedDecisions(await loadOrganizations()).map(({ decision, organization }) => ({
    number: decision.number,
    organization_bin: organization.bin,
    outcome: decision.outcome,
    decision_date: decision.decisionDate,
    valid_from: decision.validFrom,
    valid_until: decision.validUntil,
    published_at: decision.publishedAt,
    supersedes: decision.supersedes?.number ?? null,
    superseded_by: decision.supersededBy?.number ?? null,
    is_demo: decision.isDemo,
  }));
}

export async function reportRows(origin: string): Promise<Row[]> {
  return (await loadReports()).map((report) => ({
    id: report.id,
    organization_bin: report.organization.bin,
    kind: report.kind,
    language: report.language.toLowerCase(),
    title: report.title,
    case_number: report.caseNumber,
    framework_version: report.frameworkVersion,
    published_at: report.publishedAt,
    url: origin + pagePath(report.language.toLowerCase() as Lang, reportPath(report.id)),
    is_demo: report.isDemo,
  }));
}

/** RFC 4180 CSV: header row, comma, CRLF, UTF-8 with a byte order mark (so Excel reads it as UTF-8). */
export function toCsv(dataset: Dataset, rows: Row[]): Response {
  const body = stringify(
    rows.map((row) => dataset.columns.map((column) => row[column.name] ?? '')),
    {
      bom: true,
      header: true,
      columns: dataset.columns.map((column) => column.name),
      record_delimiter: 'windows',
      cast: { boolean: (value) => (value ? 'true' : 'false') },
    },
  );
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
}

export function toJson(dataset: Dataset, rows: Row[]): Response {
  const body = {
    title: dataset.title.en,
    licence: { name: LICENCE.name, url: LICENCE.url, attribution: 'The accreditation body (register of accreditation)', text: LICENCE.text.en },
    generatedAt: BUILT_AT.toISOString(),
    updateFrequency: UPDATE_FREQUENCY.en,
    columns: Object.fromEntries(dataset.columns.map((column) => [column.name, column.description.en])),
    data: rows,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

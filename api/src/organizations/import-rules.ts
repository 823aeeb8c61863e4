// The rules of the organizations CSV (docs/organizations-csv.md), without any I/O: bytes
// in, either validated rows or every problem found. The importer (import.ts) reads the
// region codes from the database and writes the rows; everything it refuses is decided here.
import { parse } from 'csv-parse/sync';
import {
  EducationLevel,
  Language,
  OrganizationKind,
  ProgrammeType,
} from '../generated/prisma/enums.ts';
import { binProblem, binRuleText } from './bin.ts';

/** Machine codes of the rules, stable for scripts that read the errors. */
export type ImportRule =
  | 'INVALID_ENCODING'
  | 'EMPTY_FILE'
  | 'CSV_SYNTAX'
  | 'NO_ROWS'
  | 'UNKNOWN_COLUMN'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'UNNAMED_COLUMN'
  | 'FIELD_COUNT'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'INVALID_TEXT'
  | 'BIN_FORMAT'
  | 'BIN_CHECK_DIGIT'
  | 'DUPLICATE_BIN_IN_FILE'
  | 'INVALID_KIND'
  | 'INVALID_LEVEL'
  | 'INVALID_PROGRAMME_TYPE'
  | 'UNKNOWN_REGION'
  | 'INVALID_LANGUAGE'
  | 'DUPLICATE_LANGUAGE'
  | 'INVALID_URL'
  | 'PREDECESSOR_SELF'
  // Raised by the importer, not by these rules:
  | 'UNKNOWN_PREDECESSOR'
  | 'PREDECESSOR_CYCLE'
  | 'NO_REGIONS'
  | 'DATABASE';

export interface ImportRowError {
  /** Row as a spreadsheet shows the file: the header is row 1; 0 means the file as a whole. */
  row: number;
  /** Header name of the column at fault; empty when the problem is the whole row or file. */
  column: string;
  rule: ImportRule;
  /** Plain English, naming the rule that was broken. */
  message: string;
}

/** One valid data row, ready to be written. */
export interface OrganizationRow {
  row: number;
  bin: string;
  nameKk: string;
  nameRu: string;
  nameEn: string | null;
  kind: OrganizationKind;
  level: EducationLevel;
  programmeType: ProgrammeType;
  regionCode: string;
  city: string;
  address: string | null;
  website: string | null;
  languages: Language[];
  /** BIN of the organization this one was reorganised from; null when none (or no such column). */
  predecessorBin: string | null;
}

export type ValidationResult =
  | {
      ok: true;
      rows: OrganizationRow[];
      /** Whether the header has predecessor_bin: only then does the file say anything about predecessors. */
      hasPredecessorColumn: boolean;
    }
  | { ok: false; errors: ImportRowError[] };

export const REQUIRED_COLUMNS = ['bin', 'name_kk', 'name_ru', 'kind', 'level', 'region_code', 'city', 'languages'] as const;
export const OPTIONAL_COLUMNS = ['name_en', 'address', 'website', 'programme_type', 'predecessor_bin'] as const;
export const COLUMNS = [
  'bin',
  'name_kk',
  'name_ru',
  'name_en',
  'kind',
  'level',
  'programme_type',
  'region_code',
  'city',
  'address',
  'website',
  'languages',
  'predecessor_bin',
] as const;
export type ColumnName = (typeof COLUMNS)[number];

export const MAX_TEXT_LENGTH = 500;

function isColumnName(name: string): name is ColumnName {
  return (COLUMNS as readonly string[]).includes(name);
}

function fileError(rule: ImportRule, message: string, row = 0): ImportRowError {
  return { row, column: '', rule, message };
}

// ---------------------------------------------------------------------------------------
// Bytes to text

export type DecodeResult = { ok: true; text: string } | { ok: false; error: ImportRowError };

const INVALID_ENCODING_HINT =
  'save the file as "CSV UTF-8" (Excel\'s plain "CSV" uses the Windows-1251 code page in Russian and Kazakh settings)';

/** UTF-8 with or without a byte order mark; anything else is refused rather than guessed. */
export function decodeCsv(input: Buffer | string): DecodeResult {
  if (typeof input === 'string') return { ok: true, text: input.replace(/^\uFEFF/, '') };
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    return {
      ok: false,
      error: fileError('INVALID_ENCODING', `the file is UTF-16, not UTF-8: ${INVALID_ENCODING_HINT}`, 1),
    };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return { ok: true, text: decoder.decode(input) };
  } catch {
    // Name the first bad line: a newline byte never occurs inside a multi-byte UTF-8 sequence.
    let line = 1;
    let start = 0;
    for (;;) {
      const end = input.indexOf(0x0a, start);
      const slice = input.subarray(start, end === -1 ? input.length : end);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(slice);
      } catch {
        break;
      }
      if (end === -1) break;
      line += 1;
      start = end + 1;
    }
    return {
      ok: false,
      error: fileError('INVALID_ENCODING', `the file is not valid UTF-8 (first at line ${line}): ${INVALID_ENCODING_HINT}`, line),
    };
  }
}

// ---------------------------------------------------------------------------------------
// Text to cells

export type Delimiter = ';' | ',';

/**
 * ';' (what Excel writes in Kazakh and Russian settings) or ',', whichever the header line
 * (the first non-empty line) uses more.
 */
export function detectDelimiter(text: string): Delimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  let content = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === '\n' || char === '\r')) {
      if (content) break;
      continue;
    }
    if (char.trim() !== '') content = true;
    if (quoted || char === '"') continue;
    if (char === ';') semicolons += 1;
    else if (char === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

export type SplitResult = { ok: true; records: string[][] } | { ok: false; error: ImportRowError };

/** RFC 4180 records; record i is spreadsheet row i + 1, empty lines included (they are skipped later). */
export function splitCsv(text: string, delimiter: Delimiter): SplitResult {
  try {
    const records = parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      // Field counts are checked per row below, with a message that names the row.
      relax_column_count: true,
      // A hand-written `Мектеп "Болашақ"` without surrounding quotes keeps its quotes.
      relax_quotes: true,
      skip_empty_lines: false,
    });
    return { ok: true, records };
  } catch (error) {
    const records = typeof error === 'object' && error !== null && 'records' in error ? Number(error.records) : 0;
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: fileError(
        'CSV_SYNTAX',
        `the file is not valid CSV from this row on (${reason}); a value in double quotes must end with a double quote, and a double quote inside it is written twice ("")`,
        records + 1,
      ),
    };
  }
}

// ---------------------------------------------------------------------------------------
// Header

export interface HeaderMap {
  /** For each cell position, the column it holds, or null for an ignored one. */
  columns: (ColumnName | null)[];
  /** Positions of cells with a blank header: allowed only while their values are blank too. */
  unnamed: number[];
  errors: ImportRowError[];
  /** False when rows cannot be read at all (a required column missing or doubled). */
  usable: boolean;
}

export function mapHeader(cells: readonly string[]): HeaderMap {
  const columns: (ColumnName | null)[] = [];
  const unnamed: number[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Set<ColumnName>();
  let usable = true;
  cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if (name === '') {
      unnamed.push(index);
      columns.push(null);
    } else if (!isColumnName(name)) {
      errors.push({
        row: 1,
        column: cell.trim(),
        rule: 'UNKNOWN_COLUMN',
        message: `unknown column "${cell.trim()}": the columns are ${COLUMNS.join(', ')}`,
      });
      columns.push(null);
    } else if (seen.has(name)) {
      errors.push({ row: 1, column: name, rule: 'DUPLICATE_COLUMN', message: `column "${name}" appears more than once in the header` });
      columns.push(null);
      usable = false;
    } else {
      seen.add(name);
      columns.push(name);
    }
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!seen.has(name)) {
      errors.push({
        row: 1,
        column: name,
        rule: 'MISSING_COLUMN',
        message: `required column "${name}" is missing from the header`,
      });
      usable = false;
    }
  }
  return { columns, unnamed, errors, usable };
}

// ---------------------------------------------------------------------------------------
// Fields

interface FieldProblem {
  rule: ImportRule;
  message: string;
}
type FieldResult<T> = { value: T } | FieldProblem;

function required(column: string, raw: string): FieldProblem | null {
  return raw.trim() === '' ? { rule: 'REQUIRED', message: `${column} is required and must not be empty` } : null;
}

// Control characters (line breaks included) would break one-line register entries and exports.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Trimmed text, NFC-normalised so that a Kazakh letter typed as base letter + combining
 * mark compares equal to the precomposed one. Kazakh letters, «» and "" are kept as they are.
 */
export function parseText(column: string, raw: string, isRequired: boolean): FieldResult<string | null> {
  const value = raw.trim().normalize('NFC');
  if (value === '') {
    return isRequired ? { rule: 'REQUIRED', message: `${column} is required and must not be empty` } : { value: null };
  }
  if (CONTROL_CHARACTER.test(value)) {
    return {
      rule: 'INVALID_TEXT',
      message: `${column} contains a line break or another control character: keep the value on one line`,
    };
  }
  if (value.length > MAX_TEXT_LENGTH) {
    return {
      rule: 'TOO_LONG',
      message: `${column} is ${value.length} characters long: the limit is ${MAX_TEXT_LENGTH}`,
    };
  }
  return { value };
}

export function parseBin(raw: string): FieldResult<string> {
  const missing = required('bin', raw);
  if (missing) return missing;
  return checkBin(raw);
}

/**
 * predecessor_bin: empty for none, else a valid BIN other than the row's own (`ownBin`,
 * undefined when the row's BIN is itself invalid). Whether it exists is the importer's check.
 */
export function parsePredecessorBin(raw: string, ownBin: string | undefined): FieldResult<string | null> {
  if (raw.trim() === '') return { value: null };
  const checked = checkBin(raw);
  if (!('value' in checked)) return checked;
  if (checked.value === ownBin) {
    return {
      rule: 'PREDECESSOR_SELF',
      message: `predecessor_bin "${checked.value}" is the row's own BIN: give the BIN of the organization this one was reorganised from, or leave it empty`,
    };
  }
  return checked;
}

function checkBin(raw: string): FieldResult<string> {
  // "trim spaces": also the spaces of a grouped "123456 789012".
  const bin = raw.replace(/\s/g, '');
  const problem = binProblem(bin);
  if (problem === 'CHECK_DIGIT') {
    return { rule: 'BIN_CHECK_DIGIT', message: `BIN "${bin}": ${binRuleText.CHECK_DIGIT}` };
  }
  if (problem === 'FORMAT') {
    let hint = '';
    // Spreadsheets turn a BIN into a number: leading zeros go, long ones become 1.2E+11.
    if (/^\d{1,11}$/.test(bin)) hint = ' (a spreadsheet may have dropped leading zeros: format the column as Text)';
    else if (/^\d+([.,]\d+)?e\+?\d+$/i.test(bin)) hint = ' (a spreadsheet turned it into a number: format the column as Text)';
    return { rule: 'BIN_FORMAT', message: `BIN "${bin}": ${binRuleText.FORMAT}${hint}` };
  }
  return { value: bin };
}

function parseEnum<T extends string>(
  column: string,
  raw: string,
  values: Record<string, T>,
  rule: ImportRule,
  fallback?: T,
): FieldResult<T> {
  const text = raw.trim();
  if (text === '') {
    return fallback ? { value: fallback } : { rule: 'REQUIRED', message: `${column} is required and must not be empty` };
  }
  const key = text.toUpperCase();
  if (Object.hasOwn(values, key)) return { value: values[key] as T };
  return { rule, message: `${column} "${text}" is not one of ${Object.values(values).join(', ')}` };
}

export const parseKind = (raw: string) => parseEnum('kind', raw, OrganizationKind, 'INVALID_KIND');
export const parseLevel = (raw: string) => parseEnum('level', raw, EducationLevel, 'INVALID_LEVEL');
export const parseProgrammeType = (raw: string) =>
  parseEnum('programme_type', raw, ProgrammeType, 'INVALID_PROGRAMME_TYPE', ProgrammeType.STATE_STANDARD);

export function parseRegionCode(raw: string, regionCodes: ReadonlySet<string>): FieldResult<string> {
  const missing = required('region_code', raw);
  if (missing) return missing;
  const code = raw.trim();
  if (regionCodes.has(code)) return { value: code };
  return {
    rule: 'UNKNOWN_REGION',
    message: `region_code "${code}" is not a region: use the 2-digit KATO prefix of the oblast or city (${[...regionCodes].sort().join(', ')})`,
  };
}

/** "kk|ru", "kk, ru" or "kk ru": the order given is kept (the first is usually the main one). */
export function parseLanguages(raw: string): FieldResult<Language[]> {
  const missing = required('languages', raw);
  if (missing) return missing;
  const languages: Language[] = [];
  for (const token of raw.trim().split(/[|,\s]+/).filter((part) => part !== '')) {
    const key = token.toUpperCase();
    const language = Object.hasOwn(Language, key) ? Language[key as keyof typeof Language] : undefined;
    if (!language) {
      return {
        rule: 'INVALID_LANGUAGE',
        message: `languages: "${token}" is not a language of instruction: use kk, ru or en, separated by |, a comma or a space`,
      };
    }
    if (languages.includes(language)) {
      return { rule: 'DUPLICATE_LANGUAGE', message: `languages: "${token.toLowerCase()}" is listed more than once` };
    }
    languages.push(language);
  }
  return { value: languages };
}

export function parseWebsite(raw: string): FieldResult<string | null> {
  const text = parseText('website', raw, false);
  if (!('value' in text) || text.value === null) return text;
  const value = text.value;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || /\s/.test(value)) {
    const hint = /^[\w-]+(\.[\w-]+)+/.test(value) ? `, e.g. https://${value}` : '';
    return { rule: 'INVALID_URL', message: `website "${value}" is not an absolute http:// or https:// address${hint}` };
  }
  return { value };
}

// ---------------------------------------------------------------------------------------
// Rows

/** A row's outcome; `bin` is set whenever the BIN itself is valid, for the duplicate check across rows. */
export type RowResult =
  | { ok: true; row: OrganizationRow; bin: string }
  | { ok: false; errors: ImportRowError[]; bin: string | undefined };

/** Whether a record is an empty line (or a line of separators only, as spreadsheets save them). */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

export function validateRow(
  cells: readonly string[],
  header: HeaderMap,
  rowNumber: number,
  regionCodes: ReadonlySet<string>,
): RowResult {
  const width = header.columns.length;
  const extra = cells.slice(width);
  if (cells.length < width || !isBlankRecord(extra)) {
    // Values are shifted, so per-column messages would mislead: report the row once.
    const delimiterHint = cells.length > width ? ': a value containing the separator must be in double quotes' : '';
    return {
      ok: false,
      bin: undefined,
      errors: [
        {
          row: rowNumber,
          column: '',
          rule: 'FIELD_COUNT',
          message: `the row has ${cells.length} values but the header has ${width} columns${delimiterHint}`,
        },
      ],
    };
  }

  const errors: ImportRowError[] = [];
  for (const index of header.unnamed) {
    if ((cells[index] ?? '').trim() !== '') {
      errors.push({
        row: rowNumber,
        column: '',
        rule: 'UNNAMED_COLUMN',
        message: `column ${index + 1} has a value but no name in the header`,
      });
    }
  }
  const raw = (column: ColumnName): string => {
    const index = header.columns.indexOf(column);
    return index === -1 ? '' : (cells[index] ?? '');
  };
  function take<T>(column: ColumnName, result: FieldResult<T>): T | undefined {
    if ('value' in result) return result.value;
    errors.push({ row: rowNumber, column, rule: result.rule, message: result.message });
    return undefined;
  }

  const bin = take('bin', parseBin(raw('bin')));
  const nameKk = take('name_kk', parseText('name_kk', raw('name_kk'), true));
  const nameRu = take('name_ru', parseText('name_ru', raw('name_ru'), true));
  const nameEn = take('name_en', parseText('name_en', raw('name_en'), false));
  const kind = take('kind', parseKind(raw('kind')));
  const level = take('level', parseLevel(raw('level')));
  const programmeType = take('programme_type', parseProgrammeType(raw('programme_type')));
  const regionCode = take('region_code', parseRegionCode(raw('region_code'), regionCodes));
  const city = take('city', parseText('city', raw('city'), true));
  const address = take('address', parseText('address', raw('address'), false));
  const website = take('website', parseWebsite(raw('website')));
  const languages = take('languages', parseLanguages(raw('languages')));
  const predecessorBin = take('predecessor_bin', parsePredecessorBin(raw('predecessor_bin'), bin));

  if (
    errors.length > 0 ||
    bin === undefined ||
    !nameKk ||
    !nameRu ||
    nameEn === undefined ||
    !kind ||
    !level ||
    !programmeType ||
    regionCode === undefined ||
    !city ||
    address === undefined ||
    website === undefined ||
    !languages ||
    predecessorBin === undefined
  ) {
    return { ok: false, errors, bin };
  }
  return {
    ok: true,
    bin,
    row: {
      row: rowNumber,
      bin,
      nameKk,
      nameRu,
      nameEn,
      kind,
      level,
      programmeType,
      regionCode,
      city,
      address,
      website,
      languages,
      predecessorBin,
    },
  };
}

/** The whole file: every problem of every row, or the rows when there is none. */
export function validateOrganizationsCsv(input: Buffer | string, regionCodes: ReadonlySet<string>): ValidationResult {
  const decoded = decodeCsv(input);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  if (decoded.text.trim() === '') {
    return { ok: false, errors: [fileError('EMPTY_FILE', 'the file is empty: the first line must be the header', 1)] };
  }
  const split = splitCsv(decoded.text, detectDelimiter(decoded.text));
  if (!split.ok) return { ok: false, errors: [split.error] };

  // Leading empty lines are skipped too: the header is the first non-empty record.
  const headerIndex = split.records.findIndex((record) => !isBlankRecord(record));
  const header = mapHeader(split.records[headerIndex] ?? []);
  const headerRow = headerIndex + 1;
  const errors: ImportRowError[] = header.errors.map((error) => ({ ...error, row: headerRow }));
  if (!header.usable) return { ok: false, errors };

  const rows: OrganizationRow[] = [];
  const firstRowOfBin = new Map<string, number>();
  let dataRows = 0;
  split.records.forEach((record, index) => {
    if (index <= headerIndex || isBlankRecord(record)) return;
    dataRows += 1;
    const rowNumber = index + 1;
    const result = validateRow(record, header, rowNumber, regionCodes);
    if (!result.ok) errors.push(...result.errors);
    if (result.bin !== undefined) {
      const earlier = firstRowOfBin.get(result.bin);
      if (earlier !== undefined) {
        errors.push({
          row: rowNumber,
          column: 'bin',
          rule: 'DUPLICATE_BIN_IN_FILE',
          message: `BIN "${result.bin}" is already on row ${earlier}: each organization appears once in the file`,
        });
        return;
      }
      firstRowOfBin.set(result.bin, rowNumber);
    }
    if (!result.ok) return;
    rows.push(result.row);
  });
  if (dataRows === 0) {
    errors.push(fileError('NO_ROWS', 'the file has a header but no organization rows', headerRow + 1));
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, rows, hasPredecessorColumn: header.columns.includes('predecessor_bin') };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  MAX_TEXT_LENGTH,
  OPTIONAL_COLUMNS,
  REQUIRED_COLUMNS,
  detectDelimiter,
  validateOrganizationsCsv,
  type ImportRowError,
  type ImportRule,
  type OrganizationRow,
} from './import-rules.ts';

const regionCodes = new Set(['35', '55', '61', '63', '71', '75', '79']);

type Cells = Record<(typeof COLUMNS)[number], string>;

const validCells: Cells = {
  bin: '990040000013',
  name_kk: '«Болашақ» мектебі',
  name_ru: 'Школа «Болашак»',
  name_en: '',
  kind: 'SCHOOL',
  level: 'SECONDARY',
  programme_type: '',
  region_code: '71',
  city: 'Астана',
  address: '',
  website: '',
  languages: 'kk|ru',
  predecessor_bin: '',
};

// Every value quoted, as Excel does when a value needs it: tests the quoting too.
function quote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

function csv(rows: Partial<Cells>[], columns: readonly string[] = COLUMNS): string {
  const lines = [columns.join(';')];
  for (const row of rows) {
    const cells: Record<string, string> = { ...validCells, ...row };
    lines.push(columns.map((column) => quote(cells[column] ?? '')).join(';'));
  }
  return `${lines.join('\n')}\n`;
}

function errorsOf(input: Buffer | string): ImportRowError[] {
  const result = validateOrganizationsCsv(input, regionCodes);
  return result.ok ? [] : result.errors;
}

function rowsOf(input: Buffer | string): OrganizationRow[] {
  const result = validateOrganizationsCsv(input, regionCodes);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.rows;
}

const brief = (errors: ImportRowError[]) => errors.map(({ row, column, rule }) => ({ row, column, rule }));

describe('a valid row', () => {
  it('becomes an organization row: defaults filled in, empty optional values null', () => {
    expect(rowsOf(csv([{}]))).toEqual([
      {
        row: 2,
        bin: '990040000013',
        nameKk: '«Болашақ» мектебі',
        nameRu: 'Школа «Болашак»',
        nameEn: null,
        kind: 'SCHOOL',
        level: 'SECONDARY',
        programmeType: 'STATE_STANDARD',
        regionCode: '71',
        city: 'Астана',
        address: null,
        website: null,
        languages: ['KK', 'RU'],
        predecessorBin: null,
      },
    ]);
  });

  it('accepts enum values in any case, and trims every value', () => {
    const [row] = rowsOf(
      csv([{ kind: ' higher_college ', level: 'Post_Secondary', programme_type: 'international', name_kk: '  Мектеп  ' }]),
    );
    expect(row).toMatchObject({ kind: 'HIGHER_COLLEGE', level: 'POST_SECONDARY', programmeType: 'INTERNATIONAL', nameKk: 'Мектеп' });
  });

  it('takes a BIN with spaces around or inside it', () => {
    expect(rowsOf(csv([{ bin: ' 990040 000013 ' }]))[0]?.bin).toBe('990040000013');
  });

  it('reads languages separated by |, commas or spaces, keeping their order', () => {
    const rows = rowsOf(
      csv([
        { bin: '990040000013', languages: 'ru|kk' },
        { bin: '990040000023', languages: 'KK, RU, EN' },
        { bin: '990040000033', languages: ' en  kk ' },
      ]),
    );
    expect(rows.map((row) => row.languages)).toEqual([
      ['RU', 'KK'],
      ['KK', 'RU', 'EN'],
      ['EN', 'KK'],
    ]);
  });

  it('keeps Kazakh letters, «» and "" quotes and commas; composes decomposed letters', () => {
    const name = 'Ұлытау, «Әйгерім» және "Һ" — ғ қ ң ө ұ ү һ і';
    const [row] = rowsOf(csv([{ name_kk: name, name_ru: 'Шко\u043b\u0430 и\u0306' }]));
    expect(row?.nameKk).toBe(name);
    expect(row?.nameRu).toBe('Школа й');
  });

  it(`allows ${MAX_TEXT_LENGTH} characters, not one more`, () => {
    expect(errorsOf(csv([{ name_ru: 'я'.repeat(MAX_TEXT_LENGTH) }]))).toEqual([]);
    expect(brief(errorsOf(csv([{ name_ru: 'я'.repeat(MAX_TEXT_LENGTH + 1) }])))).toEqual([
      { row: 2, column: 'name_ru', rule: 'TOO_LONG' },
    ]);
  });

  it('accepts http and https websites', () => {
    const rows = rowsOf(
      csv([
        { bin: '990040000013', website: 'https://mektep.example/kk/' },
        { bin: '990040000023', website: 'http://mektep.example' },
      ]),
    );
    expect(rows.map((row) => row.website)).toEqual(['https://mektep.example/kk/', 'http://mektep.example']);
  });
});

describe('every rule, broken once', () => {
  const cases: [ImportRule, keyof Cells, Partial<Cells>, RegExp][] = [
    ['REQUIRED', 'name_kk', { name_kk: '  ' }, /name_kk is required/],
    ['REQUIRED', 'languages', { languages: '' }, /languages is required/],
    ['BIN_FORMAT', 'bin', { bin: '12345' }, /BIN "12345": a BIN is exactly 12 digits .*leading zeros/],
    ['BIN_FORMAT', 'bin', { bin: '9.90040E+11' }, /turned it into a number/],
    ['BIN_CHECK_DIGIT', 'bin', { bin: '990040000014' }, /^BIN "990040000014": the 12th digit of a BIN must equal its check digit/],
    ['INVALID_KIND', 'kind', { kind: 'university' }, /kind "university" is not one of SCHOOL, COLLEGE, HIGHER_COLLEGE/],
    ['INVALID_LEVEL', 'level', { level: 'primary' }, /level "primary" is not one of SECONDARY, TECHNICAL_VOCATIONAL, POST_SECONDARY/],
    ['INVALID_PROGRAMME_TYPE', 'programme_type', { programme_type: 'IB' }, /programme_type "IB" is not one of/],
    ['UNKNOWN_REGION', 'region_code', { region_code: '72' }, /region_code "72" is not a region.*35, 55/],
    ['INVALID_LANGUAGE', 'languages', { languages: 'kk|de' }, /"de" is not a language of instruction: use kk, ru or en/],
    ['DUPLICATE_LANGUAGE', 'languages', { languages: 'kk, KK' }, /"kk" is listed more than once/],
    ['INVALID_URL', 'website', { website: 'www.mektep.kz' }, /not an absolute http:\/\/ or https:\/\/ address, e\.g\. https:\/\/www\.mektep\.kz/],
    ['INVALID_URL', 'website', { website: 'ftp://mektep.kz' }, /not an absolute/],
    ['TOO_LONG', 'address', { address: 'ж'.repeat(501) }, /address is 501 characters long: the limit is 500/],
    ['INVALID_TEXT', 'city', { city: 'Аста\nна' }, /line break/],
  ];

  it.each(cases)('%s on %s', (rule, column, cells, message) => {
    const errors = errorsOf(csv([{ bin: '990040000023' }, cells]));
    expect(brief(errors)).toEqual([{ row: 3, column, rule }]);
    expect(errors[0]?.message).toMatch(message);
  });

  it('DUPLICATE_BIN_IN_FILE on the later row, naming the earlier one', () => {
    const errors = errorsOf(csv([{}, { bin: '990040000023' }, { bin: '990040000013', kind: 'university' }]));
    expect(brief(errors)).toEqual([
      { row: 4, column: 'kind', rule: 'INVALID_KIND' },
      { row: 4, column: 'bin', rule: 'DUPLICATE_BIN_IN_FILE' },
    ]);
    expect(errors[1]?.message).toBe('BIN "990040000013" is already on row 2: each organization appears once in the file');
  });

  it('FIELD_COUNT when an unquoted value contains the separator', () => {
    // The twelve columns before predecessor_bin, which the row leaves out.
    const text = `${COLUMNS.slice(0, 12).join(',')}\n990040000013,Мектеп,Школа №1, гимназия,,SCHOOL,SECONDARY,,71,Астана,,,kk\n`;
    const errors = errorsOf(text);
    expect(brief(errors)).toEqual([{ row: 2, column: '', rule: 'FIELD_COUNT' }]);
    expect(errors[0]?.message).toMatch(/13 values but the header has 12 columns: a value containing the separator must be in double quotes/);
  });

  it('FIELD_COUNT when values are missing', () => {
    expect(brief(errorsOf(`${COLUMNS.join(';')}\n990040000013;Мектеп;Школа\n`))).toEqual([
      { row: 2, column: '', rule: 'FIELD_COUNT' },
    ]);
  });

  it('UNKNOWN_COLUMN on row 1, naming the column, while the rows are still checked', () => {
    const errors = errorsOf(csv([{ kind: 'university' }], [...COLUMNS, 'Phone']));
    expect(brief(errors)).toEqual([
      { row: 1, column: 'Phone', rule: 'UNKNOWN_COLUMN' },
      { row: 2, column: 'kind', rule: 'INVALID_KIND' },
    ]);
    expect(errors[0]?.message).toMatch(/^unknown column "Phone": the columns are bin, name_kk/);
  });

  it('MISSING_COLUMN for each required column absent from the header', () => {
    const columns = COLUMNS.filter((column) => column !== 'city' && column !== 'languages');
    expect(brief(errorsOf(csv([{}], columns)))).toEqual([
      { row: 1, column: 'city', rule: 'MISSING_COLUMN' },
      { row: 1, column: 'languages', rule: 'MISSING_COLUMN' },
    ]);
  });

  it('MISSING_COLUMN is not raised for the optional columns', () => {
    const columns = COLUMNS.filter((column) => !(OPTIONAL_COLUMNS as readonly string[]).includes(column));
    expect(columns).toEqual([...REQUIRED_COLUMNS]);
    expect(errorsOf(csv([{}], columns))).toEqual([]);
  });

  it('DUPLICATE_COLUMN when a header name appears twice, in any case', () => {
    expect(brief(errorsOf(csv([{}], [...COLUMNS, 'BIN'])))).toEqual([{ row: 1, column: 'bin', rule: 'DUPLICATE_COLUMN' }]);
  });

  it('UNNAMED_COLUMN when a column without a header name has a value', () => {
    const text = `${COLUMNS.join(';')};\n${COLUMNS.map((column) => quote(validCells[column])).join(';')};note\n`;
    expect(brief(errorsOf(text))).toEqual([{ row: 2, column: '', rule: 'UNNAMED_COLUMN' }]);
    // Trailing separators with nothing after them are what spreadsheets write: fine.
    expect(errorsOf(text.replace(';note', ';'))).toEqual([]);
  });

  it('EMPTY_FILE for a file without even a header', () => {
    expect(brief(errorsOf(''))).toEqual([{ row: 1, column: '', rule: 'EMPTY_FILE' }]);
    expect(brief(errorsOf('\uFEFF\r\n\r\n'))).toEqual([{ row: 1, column: '', rule: 'EMPTY_FILE' }]);
  });

  it('NO_ROWS for a header without rows', () => {
    expect(brief(errorsOf(`${COLUMNS.join(';')}\r\n\r\n;;;\r\n`))).toEqual([{ row: 2, column: '', rule: 'NO_ROWS' }]);
  });

  it('CSV_SYNTAX for a quote that is never closed, at the row where it opens', () => {
    const errors = errorsOf(`${COLUMNS.join(';')}\n990040000013;Мектеп;"Школа;;SCHOOL;SECONDARY;;71;Астана;;;kk\n`);
    expect(brief(errors)).toEqual([{ row: 2, column: '', rule: 'CSV_SYNTAX' }]);
    expect(errors[0]?.message).toMatch(/double quote/);
  });

  it('INVALID_ENCODING for Windows-1251 bytes, naming the first bad line', () => {
    const header = Buffer.from(`${COLUMNS.join(';')}\n`, 'utf8');
    const row = Buffer.from([...Buffer.from('990040000013;'), 0xd8, 0xea, 0xee, 0xeb, 0xe0, ...Buffer.from(';x;;SCHOOL;SECONDARY;;71;A;;;kk\n')]);
    const errors = errorsOf(Buffer.concat([header, row]));
    expect(brief(errors)).toEqual([{ row: 2, column: '', rule: 'INVALID_ENCODING' }]);
    expect(errors[0]?.message).toMatch(/not valid UTF-8 \(first at line 2\).*CSV UTF-8/);
  });

  it('INVALID_ENCODING for UTF-16 (Excel\'s "Unicode text")', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([{}]), 'utf16le')]);
    expect(brief(errorsOf(utf16))).toEqual([{ row: 1, column: '', rule: 'INVALID_ENCODING' }]);
  });
});

describe('predecessor_bin', () => {
  const withoutPredecessor = COLUMNS.filter((column) => column !== 'predecessor_bin');

  it('takes the BIN of the organization a row was reorganised from, spaces removed', () => {
    const result = validateOrganizationsCsv(csv([{ predecessor_bin: ' 990040 000023 ' }, { bin: '990040000033' }]), regionCodes);
    expect(result).toMatchObject({ ok: true, hasPredecessorColumn: true });
    expect(result.ok && result.rows.map((row) => row.predecessorBin)).toEqual(['990040000023', null]);
  });

  it('says when the header has no predecessor_bin, so that stored links are left alone', () => {
    const result = validateOrganizationsCsv(csv([{}], withoutPredecessor), regionCodes);
    expect(result).toMatchObject({ ok: true, hasPredecessorColumn: false, rows: [{ predecessorBin: null }] });
  });

  it('refuses a BIN that is malformed, fails its check digit, or is the row’s own', () => {
    const errors = errorsOf(
      csv([
        { bin: '990040000013', predecessor_bin: '99004000002' },
        { bin: '990040000023', predecessor_bin: '990040000024' },
        { bin: '990040000033', predecessor_bin: '990040000033' },
        // An invalid own BIN: the predecessor is still checked on its own terms.
        { bin: '990040000044', predecessor_bin: '990040000044' },
      ]),
    );
    expect(brief(errors)).toEqual([
      { row: 2, column: 'predecessor_bin', rule: 'BIN_FORMAT' },
      { row: 3, column: 'predecessor_bin', rule: 'BIN_CHECK_DIGIT' },
      { row: 4, column: 'predecessor_bin', rule: 'PREDECESSOR_SELF' },
      { row: 5, column: 'bin', rule: 'BIN_CHECK_DIGIT' },
      { row: 5, column: 'predecessor_bin', rule: 'BIN_CHECK_DIGIT' },
    ]);
    expect(errors[2]?.message).toMatch(/is the row's own BIN/);
  });
});

describe('the file as a whole', () => {
  it('reports every invalid row, in order, numbered as a spreadsheet shows them (empty lines count)', () => {
    const line = (cells: Partial<Cells>) => csv([cells]).split('\n')[1];
    const lines = [
      COLUMNS.join(';'),
      line({ bin: '990040000014' }),
      '',
      line({ bin: '990040000023' }),
      line({ bin: '990040000033', level: 'primary', website: 'mektep' }),
      line({ bin: '990040000043' }),
    ];
    expect(brief(errorsOf(lines.join('\r\n')))).toEqual([
      { row: 2, column: 'bin', rule: 'BIN_CHECK_DIGIT' },
      { row: 5, column: 'level', rule: 'INVALID_LEVEL' },
      { row: 5, column: 'website', rule: 'INVALID_URL' },
    ]);
  });

  it('reads a header with names in any order and case, padded with spaces, after a BOM', () => {
    const text = `\uFEFF LANGUAGES ; Bin;Name_KK;NAME_RU;kind;Level;REGION_CODE;City\nkk;990040000013;Мектеп;Школа;college;technical_vocational;63;Өскемен\n`;
    expect(rowsOf(text)).toMatchObject([
      { bin: '990040000013', kind: 'COLLEGE', level: 'TECHNICAL_VOCATIONAL', regionCode: '63', languages: ['KK'] },
    ]);
  });

  it('skips empty lines and lines of separators only', () => {
    const [header, row] = csv([{}]).split('\n');
    expect(rowsOf(['', header, '', ';;;;;;;;;;;', row, '', ' ', ''].join('\n'))).toHaveLength(1);
  });
});

describe('separator detection', () => {
  it('picks the separator the header line uses most, outside quotes', () => {
    expect(detectDelimiter('bin;name_kk;name_ru\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('bin,name_kk,name_ru\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('"b;i;n;x",name_kk,name_ru')).toBe(',');
    expect(detectDelimiter('bin')).toBe(',');
  });
});

describe('docs/organizations-csv.md', () => {
  it('shows examples that pass every rule', () => {
    const markdown = readFileSync(new URL('../../../docs/organizations-csv.md', import.meta.url), 'utf8');
    const examples = [...markdown.matchAll(/```csv\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(examples).toHaveLength(2);
    for (const example of examples) expect(errorsOf(example)).toEqual([]);
    expect(rowsOf(examples[1] ?? '').map((row) => row.programmeType)).toEqual(['STATE_STANDARD', 'STATE_STANDARD']);
  });
});

import { type Readable } from 'node:stream';

import { ApiError } from '../errors';
import { CSV_BOM, csvCell, csvText } from './csv-text';
import { CSV_PAGE_SIZE, exportCsv, MAX_CSV_ROWS, wantsCsv } from './csv-export';

interface Row {
  readonly name: string;
  readonly count: number | null;
}
const columns = [
  { header: '名称', value: (row: Row) => row.name },
  { header: 'count', value: (row: Row) => row.count },
];

async function read(file: { getStream(): Readable }): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.getStream()) chunks.push(Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

describe('csv text', () => {
  it('starts with a BOM and the header row, ends lines with CRLF', () => {
    expect(csvText(columns, [{ name: '荔湾站', count: 3 }])).toBe(`${CSV_BOM}名称,count\r\n荔湾站,3\r\n`);
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['@sum', "'@sum"],
    ['-x', "'-x"],
  ])('quotes and neutralises %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers (negative ones too) as numbers and null as an empty cell', () => {
    expect([csvCell(-5), csvCell(0), csvCell(null), csvCell(undefined), csvCell(true)]).toEqual([
      '-5',
      '0',
      '',
      '',
      'true',
    ]);
  });
});

describe('wantsCsv', () => {
  it.each([
    [undefined, undefined, false],
    ['csv', undefined, true],
    ['json', 'text/csv', false],
    [undefined, 'text/csv', true],
    [undefined, 'text/csv; charset=utf-8', true],
    [undefined, 'application/json, text/csv', false],
    [undefined, 'TEXT/CSV, application/json', true],
    [undefined, '*/*', false],
  ] as const)('format %s, Accept %s → %s', (format, accept, expected) => {
    expect(wantsCsv(format, accept)).toBe(expected);
  });
});

describe('exportCsv', () => {
  const rows = (count: number, offset = 0): Row[] =>
    Array.from({ length: count }, (_, index) => ({ name: `r${offset + index}`, count: index }));

  it('reads every page and writes every row once, in order', async () => {
    const total = CSV_PAGE_SIZE * 2 + 5;
    const asked: number[] = [];
    const file = await exportCsv(
      {
        fetchPage: (page, pageSize) => {
          asked.push(page);
          const start = (page - 1) * pageSize;
          return Promise.resolve({
            items: rows(Math.max(0, Math.min(pageSize, total - start)), start),
            total,
          });
        },
        columns,
        filename: 'rows',
      },
      '2026-12-04',
    );
    const lines = (await read(file)).split('\r\n');
    expect(asked).toEqual([1, 2, 3]);
    expect(lines).toHaveLength(total + 2); // header, rows, the empty string after the last CRLF
    expect(lines[1]).toBe('r0,0');
    expect(lines[total]).toBe(`r${total - 1},${(total - 1) % CSV_PAGE_SIZE}`);
    expect(file.getHeaders()).toMatchObject({
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="rows-2026-12-04.csv"',
    });
  });

  it('answers an empty list with the header row alone', async () => {
    const file = await exportCsv(
      { fetchPage: () => Promise.resolve({ items: [], total: 0 }), columns, filename: 'rows' },
      '2026-12-04',
    );
    expect(await read(file)).toBe(`${CSV_BOM}名称,count\r\n`);
  });

  it('refuses more rows than one export holds, before sending anything', async () => {
    await expect(
      exportCsv(
        {
          fetchPage: () => Promise.resolve({ items: [], total: MAX_CSV_ROWS + 1 }),
          columns,
          filename: 'rows',
        },
        '2026-12-04',
      ),
    ).rejects.toBeInstanceOf(ApiError);
  });
});

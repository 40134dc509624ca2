import { type ErrorDetail } from '../common/errors';
import { parseMortgageTerm, parseProperty, PROPERTY_USAGES } from './property-particulars';
import { type RegistrationType } from './registration-types';

const good = { location: '广州市从化区某路1号801房', areaM2: '89.50', usage: '住宅' };

function property(raw: unknown, type: RegistrationType = 'FIRST'): { value: unknown; fields: string[] } {
  const problems: ErrorDetail[] = [];
  const value = parseProperty(raw, type, problems);
  return { value, fields: problems.map((problem) => problem.field ?? '') };
}

function term(raw: unknown): { value: unknown; fields: string[] } {
  const problems: ErrorDetail[] = [];
  const value = parseMortgageTerm(raw, problems);
  return { value, fields: problems.map((problem) => problem.field ?? '') };
}

describe('property particulars', () => {
  it.each(PROPERTY_USAGES.map((usage) => [usage]))('accepts the usage %s', (usage) => {
    expect(property({ ...good, usage }).value).toEqual({ ...good, usage });
  });

  it.each([
    ['0.01', true],
    ['89.50', true],
    ['99999999.99', true],
    ['0.00', false],
    ['-1.00', false],
    ['89.5', false],
    ['89', false],
    ['89.505', false],
    ['089.50', false],
    ['1e2', false],
    ['100000000.00', false],
    [89.5, false],
    ['', false],
  ])('area %j is accepted: %s', (areaM2, accepted) => {
    const { value, fields } = property({ ...good, areaM2 });
    expect(value !== null).toBe(accepted);
    expect(fields).toEqual(accepted ? [] : ['property.areaM2']);
  });

  it.each([
    [{ ...good, usage: '别墅' }, ['property.usage']],
    [{ ...good, usage: undefined }, ['property.usage']],
    [{ ...good, location: '  ' }, ['property.location']],
    [{ ...good, location: 'x'.repeat(201) }, ['property.location']],
    [{ ...good, location: '某路\u0000号' }, ['property.location']],
    [{ ...good, floor: 8 }, ['property.floor']],
    [{ location: '', areaM2: '0.00', usage: '' }, ['property.location', 'property.areaM2', 'property.usage']],
    ['某路1号', ['property']],
  ])('refuses %j naming %j', (raw, fields) => {
    expect(property(raw)).toEqual({ value: null, fields });
  });

  it('trims the location', () => {
    expect(property({ ...good, location: `  ${good.location} ` }).value).toEqual(good);
  });

  it.each<[RegistrationType, boolean]>([
    ['FIRST', true],
    ['CHANGE', true],
    ['TRANSFER', false],
    ['MORTGAGE', false],
    ['CORRECTION', false],
    ['CANCELLATION', false],
  ])('a %s registration may carry property particulars: %s', (type, allowed) => {
    expect(property(good, type).fields).toEqual(allowed ? [] : ['property']);
  });

  it('is absent when not given', () => {
    expect(property(undefined)).toEqual({ value: null, fields: [] });
    expect(property(null)).toEqual({ value: null, fields: [] });
  });
});

describe('mortgage term', () => {
  it.each([
    [{ from: '2026-01-01', to: '2046-01-01' }, []],
    [{ from: '2026-01-01', to: '2026-01-01' }, []],
    [{ from: '2024-02-29', to: '2025-02-28' }, []],
    [{ from: '2046-01-01', to: '2026-01-01' }, ['mortgage.term.to']],
    [{ from: '2025-02-29', to: '2026-01-01' }, ['mortgage.term.from']],
    [{ from: '2026-13-01', to: '2026-14-01' }, ['mortgage.term.from', 'mortgage.term.to']],
    [{ from: '2026-1-1', to: '2046-01-01' }, ['mortgage.term.from']],
    [{ from: '2026-01-01T00:00:00Z', to: '2046-01-01' }, ['mortgage.term.from']],
    [{ from: '2026-01-01' }, ['mortgage.term.to']],
    [{ from: '2026-01-01', to: '2046-01-01', years: 20 }, ['mortgage.term.years']],
    ['20 years', ['mortgage.term']],
  ])('%j → problems %j', (raw, fields) => {
    const result = term(raw);
    expect(result.fields).toEqual(fields);
    expect(result.value === null).toBe(fields.length > 0);
  });
});

import { IsOptional, Length, Matches, getMetadataStorage, registerDecorator } from 'class-validator';

import { documentConstraint, keywordsOf, type ValidationMetadata } from './validation-keywords';

function constraintsOf(type: new () => unknown): ValidationMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
}

const Undocumented = (): PropertyDecorator => (target, property) =>
  registerDecorator({
    name: 'undocumentedRule',
    target: target.constructor,
    propertyName: String(property),
    validator: { validate: () => true },
  });

class Sample {
  @IsOptional()
  @Length(2, 8)
  @Matches(/^[a-z]+$/u)
  word?: string;

  @Matches(/^[a-z]+$/i)
  caseless!: string;

  @Undocumented()
  odd!: string;
}

describe('keywordsOf', () => {
  const byName = (name: string): ValidationMetadata[] =>
    constraintsOf(Sample).filter((entry) => entry.propertyName === name);

  it('says what built-in constraints mean as JSON-schema keywords; markers say nothing', () => {
    expect(byName('word').map(keywordsOf)).toEqual(
      expect.arrayContaining([undefined, { minLength: 2, maxLength: 8 }, { pattern: '^[a-z]+$' }]),
    );
  });

  it('refuses a pattern whose flags a JSON-schema pattern cannot carry', () => {
    const [caseless] = byName('caseless');
    expect(() => keywordsOf(caseless!)).toThrow("a pattern with flags 'i' cannot be documented");
  });

  it('refuses a custom constraint nobody documented, and uses what documentConstraint registered', () => {
    const [odd] = byName('odd');
    expect(() => keywordsOf(odd!)).toThrow("constraint 'undocumentedRule' of odd has no document keywords");
    documentConstraint('undocumentedRule', { format: 'odd' });
    expect(keywordsOf(odd!)).toEqual({ format: 'odd' });
  });
});

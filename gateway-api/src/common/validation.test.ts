import { type ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsNumber, IsString, ValidateNested } from 'class-validator';

import { ValidationFailedError } from './errors';
import { createValidationPipe } from './validation';

class HolderDto {
  @IsString()
  name!: string;

  @IsString()
  idNumber!: string;
}

class RegistrationDto {
  @IsString()
  unitNumber!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HolderDto)
  holders!: HolderDto[];

  @IsNumber()
  areaM2!: number;
}

const body: ArgumentMetadata = { type: 'body', metatype: RegistrationDto };

async function rejectionOf(value: unknown): Promise<ValidationFailedError> {
  try {
    await createValidationPipe().transform(value, body);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error;
    throw error;
  }
  throw new Error('expected the pipe to reject');
}

describe('createValidationPipe', () => {
  const valid = { unitNumber: 'U1', holders: [{ name: '张三', idNumber: '110101' }], areaM2: 89.5 };

  it('returns a DTO instance for a valid body', async () => {
    const dto: unknown = await createValidationPipe().transform(valid, body);
    expect(dto).toBeInstanceOf(RegistrationDto);
    expect(dto).toEqual(valid);
  });

  it('refuses an unknown field, naming it', async () => {
    const error = await rejectionOf({ ...valid, owner: 'x' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([
      { field: 'owner', constraint: 'whitelistValidation', message: 'property owner should not exist' },
    ]);
    expect(error.message).toBe('Invalid request: owner: property owner should not exist');
  });

  it('names nested fields by their dotted path', async () => {
    const error = await rejectionOf({
      ...valid,
      holders: [valid.holders[0], { name: 'x', idNumber: 7, nick: 'y' }],
    });
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'holders.1.idNumber', constraint: 'isString', message: 'idNumber must be a string' },
        {
          field: 'holders.1.nick',
          constraint: 'whitelistValidation',
          message: 'property nick should not exist',
        },
      ]),
    );
    expect(error.details).toHaveLength(2);
  });

  it('lists one detail per failed rule and counts the rest in the message', async () => {
    const error = await rejectionOf({});
    expect(error.details.map((d) => `${d.field}:${d.constraint}`)).toEqual([
      'unitNumber:isString',
      'holders:isArray',
      'areaM2:isNumber',
    ]);
    expect(error.message).toMatch(/^Invalid request: unitNumber: .+ \(and 2 more\)$/);
  });

  it('never echoes the rejected values', async () => {
    const error = await rejectionOf({ ...valid, holders: [{ name: 'x', idNumber: 4401019900 }] });
    expect(JSON.stringify(error.details)).not.toContain('4401019900');
  });
});

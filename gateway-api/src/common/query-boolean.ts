import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, type ValidationArguments } from 'class-validator';

/** Query strings are text: only the words `true` / `false` count, anything else is refused. */
function toBoolean({ value }: { value: unknown }): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** A yes/no query parameter: `true` or `false`, nothing else (not `1`, `yes`, or a repeated one). */
export function IsQueryBoolean(): PropertyDecorator {
  return applyDecorators(
    Transform(toBoolean),
    IsIn([true, false], {
      message: (args: ValidationArguments): string => `${args.property} must be true or false`,
    }),
  );
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { HasNoNulCharacter } from '../common/has-no-nul-character';

/** `{ token }`, or `{ user, password }` with the user's API token as the password. */
export class SignInDto {
  @ApiPropertyOptional({ description: 'The API token' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  @HasNoNulCharacter()
  token?: string;

  @ApiPropertyOptional({ description: 'User name (with password)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @HasNoNulCharacter()
  user?: string;

  @ApiPropertyOptional({ description: "The user's API token, as the password" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  @HasNoNulCharacter()
  password?: string;
}

export class ConsoleSessionAnswer {
  user!: string;
  role!: string;
  mspId!: string;
  /** Echo in X-CSRF-Token on every POST, PUT and DELETE of this session. */
  csrfToken!: string;
  /** When the session ends at the latest (ISO-8601); earlier after two idle hours. */
  expiresAt!: string;
}

import { ApiProperty } from '@nestjs/swagger';

import { IsResidentId } from '../../common/identifiers/is-identifier';

/** POST /api/v1/real-estate/holder-units/search: in the body, so the ID never reaches a URL or log. */
export class SearchHolderUnitsDto {
  @ApiProperty({ example: '11010519491231002X', description: 'Resident ID number (lower-case x accepted)' })
  @IsResidentId()
  idNumber!: string;
}

export class HolderUnit {
  @ApiProperty({ example: '440184001016GB00009F00800039' })
  unitNumber!: string;

  @ApiProperty({ example: 'REGISTERED' })
  status!: string;

  @ApiProperty({ example: '粤(2026)广州市不动产权第09400110号', nullable: true, type: String })
  titleCertificate!: string | null;

  @ApiProperty({ example: 1, description: 'Sequence of the act that named the current owners' })
  holdersSequence!: number;

  @ApiProperty()
  mortgaged!: boolean;

  @ApiProperty()
  seized!: boolean;

  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' })
  updatedAt!: string;
}

export class HolderUnitsResponse {
  @ApiProperty({ type: [HolderUnit], description: 'Units the person owns now; empty when none' })
  units!: HolderUnit[];
}

import { Injectable } from '@nestjs/common';
import { type FindOptionsWhere } from 'typeorm';

import { Database } from '../../index-db/database/database';
import { type ListCertificatesQueryDto } from '../dto/list-queries.dto';
import { type CertificateResponse, type CertificatesPageResponse } from '../dto/list-responses.dto';
import { RealEstateCertificate } from '../entities';
import { canonicalUnit } from '../registration-request';
import { canonicalCertificate, withinDays } from './list-filters';

/** Certificates from the index (re_certificates): every one issued, with its status now. */
@Injectable()
export class RealEstateCertificatesService {
  constructor(private readonly database: Database) {}

  async list(query: ListCertificatesQueryDto): Promise<CertificatesPageResponse> {
    const { page, pageSize } = query;
    const [rows, total] = await this.database.run((manager) =>
      manager.getRepository(RealEstateCertificate).findAndCount({
        where: certificatesWhere(query),
        // newest issued first; the number breaks ties (one act issues one certificate)
        order: { issuedAt: 'DESC', certificateNumber: 'ASC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    );
    return { items: rows.map(toResponse), page, pageSize, total };
  }
}

function certificatesWhere(query: ListCertificatesQueryDto): FindOptionsWhere<RealEstateCertificate> {
  const issuedAt = withinDays(query.from, query.to);
  return {
    ...(query.certificateNumber !== undefined && {
      certificateNumber: canonicalCertificate(query.certificateNumber),
    }),
    ...(query.status !== undefined && { status: query.status }),
    ...(query.unitNumber !== undefined && { unitNumber: canonicalUnit(query.unitNumber) }),
    ...(query.kind !== undefined && { kind: query.kind }),
    ...(issuedAt !== undefined && { issuedAt }),
  };
}

function toResponse(row: RealEstateCertificate): CertificateResponse {
  return {
    certificateNumber: row.certificateNumber,
    kind: row.kind,
    status: row.status,
    unitNumber: row.unitNumber,
    registrationId: row.registrationId,
    contentHash: row.contentHash,
    issuedAt: row.issuedAt,
    statusChangedAt: row.statusChangedAt,
  };
}

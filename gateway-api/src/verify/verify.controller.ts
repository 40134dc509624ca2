import { type ProofBundle } from '../../../chaincode/src/contract';
import { Controller, Get, Header, Inject, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type Request, type Response } from 'express';

import { OptionalPrincipal, Public } from '../auth/auth.decorators';
import { type Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors';
import { CitizensRateLimit } from '../public-rate-limit';
import {
  BagBarcodeParams,
  CertificateNumberParams,
  UsccParams,
} from '../common/identifiers/identifier-params';
import { HolderMatchQuery, QrQuery } from './dto/verify-params.dto';
import {
  BagVerificationResponse,
  CertificateVerificationResponse,
  LicenseVerificationResponse,
} from './dto/verify-responses.dto';
import { type HolderQuestion } from './holder-check/holder-check';
import { sendJsonAnswer } from './json-answer';
import { renderQr, verifyPageUrl } from './qr-code';
import { VerifyService } from './verify.service';
import { VERIFY_SETTINGS, type VerifySettings } from './verify.settings';

// Short: an answer may change when a clerk acts, and a phone re-checking a minute later should see it.
const ANSWER_CACHE = 'public, max-age=5';

/**
 * Public verification (API.md "Public verification"): no token, rate limited per client address.
 * Malformed identifiers answer 400 before the ledger is asked, unknown ones 404.
 */
@ApiTags('verification')
@ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: malformed identifier' })
@ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such record on the ledger' })
@ApiTooManyRequestsResponse({
  type: ErrorResponse,
  description:
    'TOO_MANY_REQUESTS: rate limit per address; or (details[0].reason HOLDER_CHECK_LOCKED) too many failed ' +
    'holder checks of this certificate today, whatever the address, until 00:00 UTC (details[0].lockedUntil)',
})
@ApiServiceUnavailableResponse({
  type: ErrorResponse,
  description: 'UNAVAILABLE: the ledger cannot answer now',
})
@Public()
@CitizensRateLimit()
@Controller('api/v1/verify')
export class VerifyController {
  constructor(
    private readonly verify: VerifyService,
    @Inject(VERIFY_SETTINGS) private readonly settings: VerifySettings,
  ) {}

  @Get('certificates/:certificateNumber')
  @Header('Cache-Control', ANSWER_CACHE)
  @ApiOperation({
    summary: 'Is this property certificate (不动产权证书 / 不动产登记证明) in force? With its ledger proof',
  })
  @ApiOkResponse({ type: CertificateVerificationResponse })
  async certificate(
    @Param() params: CertificateNumberParams,
    @Query() query: HolderMatchQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendJsonAnswer(req, res, await this.verify.certificate(params.certificateNumber, holderQuestion(query)));
  }

  @Get('certificates/:certificateNumber/proof-bundle')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Self-contained proof for offline checking (scripts/verify-proof): envelope, block, CA certificates. ' +
      "For the certificate's holder (holderIdNumber and verificationCode, counted like the holder check) " +
      'or staff with a token: the block also holds other transactions',
  })
  @ApiOkResponse({ description: 'govtrace-proof-bundle JSON' })
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description: 'UNAUTHENTICATED: neither a token nor the holder question',
  })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: "FORBIDDEN: the answers do not match the certificate's holder",
  })
  proofBundle(
    @Param() params: CertificateNumberParams,
    @Query() query: HolderMatchQuery,
    @OptionalPrincipal() caller: Principal | undefined,
  ): Promise<ProofBundle> {
    return this.verify.certificateProofBundle(params.certificateNumber, {
      staff: caller !== undefined,
      ...(holderQuestion(query) !== undefined && { holder: holderQuestion(query) }),
    });
  }

  @Get('certificates/:certificateNumber/qr')
  @ApiOperation({
    summary: 'QR code to print on the certificate: the /verify link with number and content hash',
  })
  @ApiProduces('image/png', 'image/svg+xml')
  async certificateQr(
    @Param() params: CertificateNumberParams,
    @Query() query: QrQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { certificateNumber, contentHash } = await this.verify.certificateForQr(params.certificateNumber);
    const url = verifyPageUrl(this.settings.publicBaseUrl, { certificate: certificateNumber, contentHash });
    await sendQr(res, url, query);
  }

  @Get('licenses/:uscc')
  @Header('Cache-Control', ANSWER_CACHE)
  @ApiOperation({ summary: 'Is this business licence (营业执照) valid? With its ledger proof' })
  @ApiOkResponse({ type: LicenseVerificationResponse })
  async license(@Param() params: UsccParams, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendJsonAnswer(req, res, await this.verify.license(params.uscc));
  }

  @Get('licenses/:uscc/qr')
  @ApiOperation({ summary: 'QR code to print on the licence: the /verify link with the USCC' })
  @ApiProduces('image/png', 'image/svg+xml')
  async licenseQr(@Param() params: UsccParams, @Query() query: QrQuery, @Res() res: Response): Promise<void> {
    const { uscc } = await this.verify.license(params.uscc);
    await sendQr(res, verifyPageUrl(this.settings.publicBaseUrl, { license: uscc }), query);
  }

  @Get('bags/:barcode')
  @Header('Cache-Control', ANSWER_CACHE)
  @ApiOperation({
    summary: "A waste bag's public trace: category, district, events, outcome; no household data",
  })
  @ApiOkResponse({ type: BagVerificationResponse })
  async bag(@Param() params: BagBarcodeParams, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendJsonAnswer(req, res, await this.verify.bag(params.barcode));
  }
}

async function sendQr(res: Response, url: string, query: QrQuery): Promise<void> {
  const qr = await renderQr(url, query.format ?? 'png');
  res
    .status(200)
    .type(qr.contentType)
    .set('Cache-Control', 'public, max-age=300')
    .set('X-Verify-Url', encodeURI(url))
    .send(qr.body);
}

/** The holder question when both fields came (the DTO admits both or neither). */
function holderQuestion({ holderIdNumber, verificationCode }: HolderMatchQuery): HolderQuestion | undefined {
  return holderIdNumber !== undefined && verificationCode !== undefined
    ? { idNumber: holderIdNumber, verificationCode }
    : undefined;
}

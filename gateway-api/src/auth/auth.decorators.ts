import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

import { type Role } from '../../../chaincode/src/contract';
import { UnauthenticatedError } from '../common/errors';
import { type Principal, PRINCIPAL_KEY, type RequestWithPrincipal } from './principal';

export const IS_PUBLIC_KEY = 'govtrace:public';
export const ROLES_KEY = 'govtrace:roles';

/**
 * A route (or controller) anyone may call without a token: /health*, /metrics, /api/v1/verify/**,
 * /verify, the ledger transaction look-up. A valid token sent anyway still sets the principal.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Only principals with one of these roles may call the route; others get 403 FORBIDDEN. The API
 * document lists them for the operation as `x-roles`, from this same list.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

function principalOf(context: ExecutionContext): Principal | undefined {
  return context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_KEY];
}

/** The caller of a protected route. Used on a public route without a token it answers 401. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context);
  if (principal === undefined) throw new UnauthenticatedError('This operation needs a bearer token');
  return principal;
});

/** The caller of a public route if it sent a valid token, else undefined. */
export const OptionalPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined => principalOf(context),
);

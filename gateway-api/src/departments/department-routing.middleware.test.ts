import { type ConfigService } from '@nestjs/config';
import { type Request, type Response } from 'express';

import { NotFoundError } from '../common/errors/api-error';
import { type EnvironmentVariables } from '../config/env.schema';
import { validateEnv } from '../config/validate-env';
import { DepartmentRoutingMiddleware } from './department-routing.middleware';

const middlewareFor = (departments: string): DepartmentRoutingMiddleware => {
  const values = validateEnv({ GATEWAY_DEPARTMENTS: departments }, false);
  const config = { get: (key: keyof EnvironmentVariables) => values[key] } as unknown as ConfigService<
    EnvironmentVariables,
    true
  >;
  return new DepartmentRoutingMiddleware(config);
};

const request = (originalUrl: string): Request => ({ originalUrl }) as Request;

describe('DepartmentRoutingMiddleware', () => {
  it('passes a served route on', () => {
    const next = jest.fn();
    middlewareFor('UrbanMSP').use(request('/api/v1/waste/scans'), {} as Response, next);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('passes public routes on whatever is served', () => {
    const next = jest.fn();
    middlewareFor('TaxMSP').use(request('/api/v1/verify/bags/440103010000000012?x=1'), {} as Response, next);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('answers 404 NOT_FOUND for another department, reading the path without its query', () => {
    const next = jest.fn();
    const use = (): void =>
      middlewareFor('MarketMSP,UrbanMSP').use(
        request('/api/v1/real-estate/units/440184001016GB00009F00800039?full=1'),
        {} as Response,
        next,
      );
    expect(use).toThrow(NotFoundError);
    expect(use).toThrow(
      'this gateway serves MarketMSP, UrbanMSP; real-estate routes are served by the RegistryMSP gateway',
    );
    expect(next).not.toHaveBeenCalled();
  });
});

import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import request from 'supertest';
import { type App } from 'supertest/types';

import { Public } from '../auth/auth.decorators';
import { PublicRouteThrottlerGuard } from './public-route-throttler.guard';
import { CitizensRateLimit, OperationsRateLimit, PublicThrottlers } from './public-throttlers';

@Public()
@CitizensRateLimit()
@Controller('citizens')
class CitizensController {
  @Get()
  read(): string {
    return 'ok';
  }
}

@Public()
@CitizensRateLimit()
@Controller('page')
class PageController {
  @Get()
  read(): string {
    return 'ok';
  }
}

@Public()
@OperationsRateLimit()
@Controller('probe')
class ProbeController {
  @Get()
  read(): string {
    return 'ok';
  }
}

/** A route with a token: no auth guard here, so only the missing @Public() marks it. */
@Controller('staff')
class StaffController {
  @Get()
  read(): string {
    return 'ok';
  }
}

describe('PublicRouteThrottlerGuard', () => {
  let app: INestApplication;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            { name: PublicThrottlers.Public, ttl: 60_000, limit: 2 },
            { name: PublicThrottlers.Operations, ttl: 60_000, limit: 4 },
          ],
        }),
      ],
      controllers: [CitizensController, PageController, ProbeController, StaffController],
      providers: [{ provide: APP_GUARD, useClass: PublicRouteThrottlerGuard }],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });

  afterEach(() => app.close());

  const server = (): App => app.getHttpServer() as App;

  const statuses = async (path: string, times: number): Promise<number[]> => {
    const answers: number[] = [];
    for (let i = 0; i < times; i += 1) answers.push((await request(server()).get(path)).status);
    return answers;
  };

  it("limits a citizens' route by the public limit, with a plain Retry-After", async () => {
    expect(await statuses('/citizens', 2)).toEqual([200, 200]);
    const refused = await request(server()).get('/citizens');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it("counts a client's requests to every citizens' route against one budget", async () => {
    expect(await statuses('/citizens', 1)).toEqual([200]);
    expect(await statuses('/page', 2)).toEqual([200, 429]);
    expect(await statuses('/citizens', 1)).toEqual([429]);
  });

  it('limits an operations route by its own limit only, not the citizens’ one', async () => {
    expect(await statuses('/citizens', 2)).toEqual([200, 200]);
    expect(await statuses('/probe', 5)).toEqual([200, 200, 200, 200, 429]);
  });

  it('leaves a route that needs a token alone', async () => {
    expect(await statuses('/staff', 6)).toEqual([200, 200, 200, 200, 200, 200]);
  });
});

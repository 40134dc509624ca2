// The few REST calls the simulator makes, each as the device or person that makes it in the city.
// A 503 (the network catching its breath) is retried a bounded number of times; any other answer
// outside 2xx is an error carrying the API's error body, so the caller can tell a planned refusal
// from a failure.

import { setTimeout as sleep } from 'node:timers/promises';

export class GatewayAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

const ATTEMPTS = 5;
const TIMEOUT_MS = 120_000;

export class GatewayClient {
  constructor(readonly baseUrl: string) {}

  async post(token: string, path: string, body: unknown): Promise<Record<string, unknown>> {
    return this.#send('POST', token, path, body);
  }

  async get(token: string, path: string): Promise<Record<string, unknown>> {
    return this.#send('GET', token, path, undefined);
  }

  async #send(method: string, token: string, path: string, body: unknown): Promise<Record<string, unknown>> {
    const what = `${method} ${path}`;
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await response.text();
      const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      if (response.ok) return parsed;
      if (response.status !== 503 || attempt >= ATTEMPTS) {
        throw new GatewayAnswerError(response.status, parsed, what);
      }
      await sleep(500 * attempt);
    }
  }
}

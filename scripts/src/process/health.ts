import { request } from 'node:http';
import { canConnect } from './port-check';

/** How the supervisor decides that a started process is ready. */
export type HealthCheck =
  | { readonly kind: 'http'; readonly url: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number };

export function describeHealthCheck(check: HealthCheck): string {
  return check.kind === 'http' ? `GET ${check.url}` : `TCP ${check.host}:${check.port}`;
}

function httpOk(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

export function probe(check: HealthCheck, timeoutMs = 1_000): Promise<boolean> {
  return check.kind === 'http' ? httpOk(check.url, timeoutMs) : canConnect(check.host, check.port, timeoutMs);
}

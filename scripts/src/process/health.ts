import { readFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { canConnect } from './port-check';

/** How the supervisor decides that a started process is ready. */
export type HealthCheck =
  | { readonly kind: 'http'; readonly url: string }
  /** An operations endpoint off loopback: TLS, trusting `ca`, presenting the client `cert`/`key`. */
  | {
      readonly kind: 'https';
      readonly url: string;
      readonly ca: string;
      readonly cert: string;
      readonly key: string;
    }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number };

export function describeHealthCheck(check: HealthCheck): string {
  if (check.kind === 'tcp') return `TCP ${check.host}:${check.port}`;
  return check.kind === 'https' ? `GET ${check.url} (client certificate ${check.cert})` : `GET ${check.url}`;
}

function answersOk(
  send: typeof request,
  url: string,
  options: RequestOptions,
  timeoutMs: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const req = send(url, { ...options, method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** The files of an https check, read at each probe (a renewed certificate is picked up); null if unreadable. */
function tlsOptions(check: Extract<HealthCheck, { kind: 'https' }>): RequestOptions | null {
  try {
    return {
      ca: readFileSync(check.ca),
      cert: readFileSync(check.cert),
      key: readFileSync(check.key),
    } as RequestOptions;
  } catch {
    return null;
  }
}

export function probe(check: HealthCheck, timeoutMs = 1_000): Promise<boolean> {
  if (check.kind === 'tcp') return canConnect(check.host, check.port, timeoutMs);
  if (check.kind === 'http') return answersOk(request, check.url, {}, timeoutMs);
  const options = tlsOptions(check);
  if (options === null) return Promise.resolve(false);
  return answersOk(httpsRequest, check.url, options, timeoutMs);
}

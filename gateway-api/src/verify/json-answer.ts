import { type Request, type Response } from 'express';

interface SerialisedAnswer {
  readonly body: Buffer;
  readonly etag: string | undefined;
}

type EtagFunction = (body: Buffer) => string | undefined;

// A cached answer is one object shared by every request within its time to live (ttl-cache.ts):
// keyed by that object, it is serialised and its ETag hashed once, not once per request. An
// answer read afresh is a new object, serialised once like before, and dropped with it.
const serialised = new WeakMap<object, SerialisedAnswer>();

/**
 * Sends `answer` as express's `res.json` would (same bytes, Content-Type, ETag and 304 on a
 * matching If-None-Match, since `res.send` still decides those), from its serialised form when the
 * same answer was sent before.
 */
export function sendJsonAnswer(req: Request, res: Response, answer: object): void {
  let sent = serialised.get(answer);
  if (sent === undefined) {
    const body = Buffer.from(JSON.stringify(answer), 'utf8');
    // the application's own ETag function (express's 'etag' setting), as res.send would call it
    const etagOf = req.app.get('etag fn') as EtagFunction | undefined;
    sent = { body, etag: typeof etagOf === 'function' ? etagOf(body) : undefined };
    serialised.set(answer, sent);
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (sent.etag !== undefined) res.setHeader('ETag', sent.etag);
  res.send(sent.body);
}

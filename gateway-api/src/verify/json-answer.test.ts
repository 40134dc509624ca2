import express, { type Express } from 'express';
import request from 'supertest';

import { sendJsonAnswer } from './json-answer';

const ANSWER = {
  valid: true,
  status: 'VALID',
  certificateNumber: '粤(2026)广州市不动产权第16042817号',
  holders: ['测***人'],
  statusChangedAt: null,
  proof: { txId: 'ab'.repeat(32), blockNumber: '42', endorsers: ['RegistryMSP'] },
};

/** express's own res.json on one route, sendJsonAnswer on the other, for the same answer object. */
function app(): Express {
  const served = express();
  served.get('/json', (_req, res) => {
    res.json(ANSWER);
  });
  served.get('/answer', (req, res) => {
    sendJsonAnswer(req, res, ANSWER);
  });
  return served;
}

describe('sendJsonAnswer', () => {
  it("sends the same bytes, Content-Type and ETag as express's res.json, every time", async () => {
    const served = app();
    const expected = await request(served).get('/json');
    for (let i = 0; i < 2; i += 1) {
      const answer = await request(served).get('/answer');
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(expected.text);
      expect(answer.headers['content-type']).toBe(expected.headers['content-type']);
      expect(answer.headers['content-length']).toBe(expected.headers['content-length']);
      expect(answer.headers['etag']).toBe(expected.headers['etag']);
    }
  });

  it('answers 304 to a matching If-None-Match, as res.json does', async () => {
    const served = app();
    const { headers } = await request(served).get('/json');
    const etag = String(headers['etag']);
    const revalidated = await request(served).get('/answer').set('If-None-Match', etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
  });

  it('serialises a changed answer afresh: a new answer object is a new body', async () => {
    const served = express();
    let status = 'VALID';
    served.get('/answer', (req, res) => {
      sendJsonAnswer(req, res, { ...ANSWER, status });
    });
    expect((await request(served).get('/answer')).body).toMatchObject({ status: 'VALID' });
    status = 'CANCELLED';
    expect((await request(served).get('/answer')).body).toMatchObject({ status: 'CANCELLED' });
  });

  it('sends no ETag when the application turned ETags off, like res.json', async () => {
    // a fresh answer object: a serialised answer keeps the ETag of the application that first sent it
    const fresh = { ...ANSWER };
    const served = express();
    served.set('etag', false);
    served.get('/answer', (req, res) => {
      sendJsonAnswer(req, res, fresh);
    });
    const answer = await request(served).get('/answer');
    expect(answer.headers['etag']).toBeUndefined();
    expect(answer.text).toBe(JSON.stringify(ANSWER));
  });
});

import { STATUS_CODES, type Server } from 'node:http';
import { type Duplex } from 'node:stream';

/**
 * Node's HTTP parser refuses some requests before Express sees them (request head over 16 KB,
 * malformed request line) and answers with a bare status line. This answers them in the API's error
 * format instead, so every client error, however early, reads the same.
 */
export function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      error: {
        code: tooLarge ? 'REQUEST_HEADER_FIELDS_TOO_LARGE' : 'VALIDATION_FAILED',
        message: tooLarge ? 'Request headers exceed the 16 KB limit' : 'Malformed HTTP request',
        details: [],
      },
    });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

import net from 'node:net';

/**
 * One HTTP/1.1 exchange on a raw socket, for requests fetch() will not send as written (a path
 * with `..`, a declared body that never arrives). Resolves with the status line, the headers and
 * the body as received up to the first response's end (or the socket's close).
 */
export function rawRequest(baseUrl: string, head: string, body?: Buffer | string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(head);
      if (body !== undefined) socket.write(body);
    });
    let data = Buffer.alloc(0);
    const finish = () => {
      const text = data.toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const lines = text.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines.slice(1)) headers[l.slice(0, l.indexOf(':')).toLowerCase()] = l.slice(l.indexOf(':') + 1).trim();
      const length = Number(headers['content-length'] ?? NaN);
      const received = Buffer.byteLength(text.slice(end + 4));
      if (Number.isFinite(length) && received < length) return false;
      resolve({ status: Number(lines[0]!.split(' ')[1]), headers, body: text.slice(end + 4) });
      socket.destroy();
      return true;
    };
    socket.on('data', (d: Buffer) => {
      data = Buffer.concat([data, d]);
      finish();
    });
    socket.on('close', () => {
      if (!finish()) reject(new Error(`connection closed before a response: ${data.toString('utf8').slice(0, 200)}`));
    });
    socket.on('error', reject);
  });
}

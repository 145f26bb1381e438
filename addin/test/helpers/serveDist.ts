import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStaticServer } from '../../tools/staticServer.js';

export type ApiHandler = (req: IncomingMessage, body: string, res: ServerResponse) => boolean;

/**
 * Serves a built add-in directory on a free local port with the add-in's own static server (the
 * service hosts the add-in the same way, so the pane and /api/v1 share an origin); `api` may
 * answer a request first.
 */
export async function serveDist(dir: string, api?: ApiHandler): Promise<{ url: string; close(): Promise<void> }> {
  const files = await createStaticServer({ root: dir });
  await files.ready();
  const server: Server = createServer((req, res) => {
    if (!api) return files.routing(req, res);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      if (!api(req, body, res)) files.routing(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      await files.close();
    },
  };
}

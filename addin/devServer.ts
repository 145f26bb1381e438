/**
 * `tsx addin/devServer.ts [--port=3000] [--dist=DIR] [--cert-dir=DIR]`: serves addin/dist over
 * https for sideloading (started by `npm run addin:start` through office-addin-debugging's
 * --dev-server). Office only loads https add-ins; the certificate is the one
 * `npx office-addin-dev-certs install` creates and trusts in ~/.office-addin-dev-certs (see
 * addin/README.md). `--port=0` takes any free port (the line printed says which).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from './tools/staticServer.js';
import { parseCommandLine, refuse } from './tools/commandLine.js';

const COMMAND = 'tsx addin/devServer.ts';
export const DEV_SERVER_FLAGS = {
  port: { type: 'string', help: '3000' },
  dist: { type: 'string', help: 'DIR' },
  'cert-dir': { type: 'string', help: 'DIR' },
} as const;

const values = parseCommandLine(COMMAND, process.argv.slice(2), DEV_SERVER_FLAGS);
const portText = String(values.port ?? '3000');
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535)
  refuse(COMMAND, `--port 须为 0–65535 的整数，而不是 ${portText} / --port must be an integer 0–65535`, DEV_SERVER_FLAGS);
const dist = resolve(String(values.dist ?? resolve(fileURLToPath(new URL('.', import.meta.url)), 'dist')));
const certDir = String(values['cert-dir'] ?? join(homedir(), '.office-addin-dev-certs'));

if (!existsSync(join(certDir, 'localhost.crt')) || !existsSync(join(certDir, 'localhost.key'))) {
  process.stderr.write(
    `缺少开发证书，请先运行 npx office-addin-dev-certs install / no dev certificate in ${certDir}: run npx office-addin-dev-certs install first\n`,
  );
  process.exit(1);
}
if (!existsSync(join(dist, 'taskpane.html'))) {
  process.stderr.write(`${dist} 中没有 taskpane.html，请先运行 npm run addin:build / no taskpane.html in ${dist}: run npm run addin:build first\n`);
  process.exit(1);
}

const app = await createStaticServer({
  root: dist,
  https: { cert: readFileSync(join(certDir, 'localhost.crt')), key: readFileSync(join(certDir, 'localhost.key')) },
});
await app.listen({ port, host: 'localhost' });
const address = app.server.address();
const actual = typeof address === 'object' && address ? address.port : port;
process.stdout.write(`kekao add-in: https://localhost:${actual}/taskpane.html (${dist})\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));

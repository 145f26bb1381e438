/**
 * `tsx addin/devServer.ts [--port=3000]`: serves addin/dist over https for sideloading (started by
 * `npm run addin:start` through office-addin-debugging's --dev-server). Office only loads https
 * add-ins; the certificate is the one `npx office-addin-dev-certs install` creates and trusts in
 * ~/.office-addin-dev-certs (see addin/README.md).
 */
import { createServer } from 'node:https';
import { readFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './tools/staticServer.js';

const dist = resolve(fileURLToPath(new URL('.', import.meta.url)), 'dist');
const certDir = join(homedir(), '.office-addin-dev-certs');
const port = Number(process.argv.find((a) => a.startsWith('--port='))?.slice(7) ?? 3000);

if (!existsSync(join(certDir, 'localhost.crt'))) {
  process.stderr.write(
    `缺少开发证书，请先运行 npx office-addin-dev-certs install / no dev certificate in ${certDir}: run npx office-addin-dev-certs install first\n`,
  );
  process.exit(1);
}
createServer({ cert: readFileSync(join(certDir, 'localhost.crt')), key: readFileSync(join(certDir, 'localhost.key')) }, staticHandler(dist)).listen(port, () => {
  process.stdout.write(`kekao add-in: https://localhost:${port}/taskpane.html (${dist})\n`);
});

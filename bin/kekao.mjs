#!/usr/bin/env node
// The `kekao` command. In a development checkout (tsx installed) it runs the TypeScript sources, so
// no build step stands between an edit and the command; on a production host, where only the
// runtime dependencies are installed, it runs the compiled CLI of `npm run build` (dist/cli).

// A reader that stops early (`kekao schema | head`) closes the pipe: the rest of the output has
// nowhere to go, but the command still finishes its work (files, database) and exits normally.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

let tsx;
try {
  tsx = await import('tsx/esm/api');
} catch {
  tsx = undefined; // production install (npm ci --omit=dev): use the build
}
let main;
if (tsx) {
  // The @kekao/* packages' exports name built JavaScript by default and their TypeScript sources
  // under the `@kekao/source` condition: the sources, as `tsx --conditions=@kekao/source` would.
  const { register } = await import('node:module');
  const withSources = 'export const resolve = (s, c, next) => next(s, { ...c, conditions: [...c.conditions, "@kekao/source"] });';
  register(`data:text/javascript,${encodeURIComponent(withSources)}`);
  tsx.register();
  ({ main } = await import('../cli/main.ts'));
} else {
  try {
    ({ main } = await import('../dist/cli/main.js'));
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    process.stderr.write('kekao 尚未构建：请先运行 npm run build / kekao is not built: run npm run build first\n');
    process.exit(1);
  }
}
process.exitCode = await main(process.argv.slice(2));

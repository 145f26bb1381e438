#!/usr/bin/env node
// The `kekao` command. Runs the TypeScript sources through tsx so the checkout needs no build step.
import { register } from 'tsx/esm/api';

// A reader that stops early (`kekao schema | head`) closes the pipe: the rest of the output has
// nowhere to go, but the command still finishes its work (files, database) and exits normally.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run by `npm ci` through `prepare`).
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code between runs (a short run spends a good part of its
// time compiling); Node 20 has no such cache for ES modules, and this does nothing there.
module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');

process.exitCode = await main(process.argv);

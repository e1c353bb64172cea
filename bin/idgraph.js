#!/usr/bin/env node
// Thin launcher: all behaviour, including exit codes, lives in src/cli/main.ts.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

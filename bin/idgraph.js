#!/usr/bin/env -S node --max-semi-space-size=32 --max-old-space-size=16384 --expose-gc
// Thin launcher: all behaviour, including exit codes, lives in src/cli/main.ts.
// NOTE: the shebang's V8 flag gives the young generation 32 MB semi-spaces (Node's default is
// 16 MB). A run keeps most of what it allocates, so small semi-spaces copy it over and over:
// at 1M records scavenges took 15.1 s (1,543 of them) with the default and 8.7 s (404) with 64,
// and the run 10% less CPU, for about 0.4 GB more peak RSS (bench/RESULTS.md, "V8 flags"). 32
// rather than 64 since session 12: with the heap made smaller (flat strings, compacting
// collections), 64 cost ~120 MiB more at 310k records (1,006 against 886 MiB) for ~4 % less time
// there and none measurable at 1M (bench/RESULTS.md, "Semi-spaces of 32 MB in the launcher").
// The old-space limit is raised from Node's default (~4.3 GB here) to 16 GB: a run holds its
// records in memory, and near the default limit V8 collects garbage almost without pause. At 2M
// records (--no-fuzzy): 273 s with Node's defaults, ~150 s with these flags; at 1M the limit
// changes nothing but ~0.7 GB of peak RSS (bench/RESULTS.md, "V8 flags"). 16 GB rather than 8
// so that 3-4M records can still finish on a 24 GB machine.
// --expose-gc lets the resolve command run one full collection before its write stage
// (src/memory/collect-garbage.ts: ~0.7 GB less peak RSS at 1M records).
// `node bin/idgraph.js` skips the shebang and runs with Node's defaults; bench/ reads the flags
// from this line so it measures what `npx idgraph` runs.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

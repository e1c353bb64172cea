// The CLI entry point: parses argv, runs one command, and is the only place that decides exit codes.
import { Command, CommanderError } from 'commander';
import { isIdgraphError, type ExitCode } from '../errors/index.js';
import { registerCustomer } from './commands/customer.js';
import { registerCypher } from './commands/cypher.js';
import { registerExplain } from './commands/explain.js';
import { registerExport } from './commands/export.js';
import { registerForget } from './commands/forget.js';
import { registerLookup } from './commands/lookup.js';
import { registerResolve } from './commands/resolve.js';
import { registerStats } from './commands/stats.js';
import { processIo, type CliIo } from './io.js';

const VERSION = '0.1.0';

/** Builds the command tree; every command registers itself from its own module. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('idgraph')
    .description('identity-graph resolution: identifiers from many systems resolved into customers')
    .version(VERSION)
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .showSuggestionAfterError(true);
  for (const register of [registerResolve, registerLookup, registerCustomer, registerExplain, registerStats, registerForget, registerExport, registerCypher]) {
    register(program, io);
  }
  const quiet = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });
    command.commands.forEach(quiet);
  };
  program.commands.forEach(quiet);
  return program;
}

/**
 * Runs the CLI. Never throws and never calls process.exit: returns 0 on success, 1 for bad
 * input or usage, 2 for an internal error.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<ExitCode> {
  const program = buildProgram(io);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      const text = error.message.replace(/^error: /, '');
      io.stderr(`idgraph: ${text.split('\n')[0]}; see 'idgraph --help'\n`);
      return 1;
    }
    if (isIdgraphError(error)) {
      io.stderr(`idgraph: ${error.message}\n`);
      if (debug && error.exitCode === 2 && error.stack) io.stderr(`${error.stack}\n`);
      return error.exitCode;
    }
    io.stderr('idgraph: internal error, please report it; rerun with --debug for the stack\n');
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

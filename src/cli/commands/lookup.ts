// `idgraph lookup`: which customer holds an identifier (ref = type:value).
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import type { CliIo } from '../io.js';

export function registerLookup(program: Command, io: CliIo): void {
  void io;
  program
    .command('lookup <dir> <ref>')
    .description('which customer holds an identifier (ref = type:value)')
    .action(() => {
      throw errors.usage('lookup is not available in this build yet');
    });
}

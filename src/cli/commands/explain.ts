// `idgraph explain`: why two identifiers or records share a customer, or why not.
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import type { CliIo } from '../io.js';

export function registerExplain(program: Command, io: CliIo): void {
  void io;
  program
    .command('explain <dir> <ref> <ref>')
    .description('why two identifiers or records share a customer, or why not')
    .action(() => {
      throw errors.usage('explain is not available in this build yet');
    });
}

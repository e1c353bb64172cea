// `idgraph forget`: erase a person's records and identifiers (ref = type:value or customer_id).
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import type { CliIo } from '../io.js';

export function registerForget(program: Command, io: CliIo): void {
  void io;
  program
    .command('forget <dir> <ref>')
    .description("erase a person's records and identifiers (ref = type:value or customer_id)")
    .action(() => {
      throw errors.usage('forget is not available in this build yet');
    });
}

// `idgraph stats`: counts, cluster sizes, largest customers, refused merges, junk values.
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import type { CliIo } from '../io.js';

export function registerStats(program: Command, io: CliIo): void {
  void io;
  program
    .command('stats <dir>')
    .description('counts, cluster sizes, largest customers, refused merges, junk values')
    .action(() => {
      throw errors.usage('stats is not available in this build yet');
    });
}

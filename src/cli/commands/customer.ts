// `idgraph customer`: a customer with all identifiers, records and permission level.
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import type { CliIo } from '../io.js';

export function registerCustomer(program: Command, io: CliIo): void {
  void io;
  program
    .command('customer <dir> <customer_id>')
    .description('a customer with all identifiers, records and permission level')
    .action(() => {
      throw errors.usage('customer is not available in this build yet');
    });
}

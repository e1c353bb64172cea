// `idgraph cypher`: run a named query of graph/queries on the configured Neo4j.
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import type { CliIo } from '../io.js';

export function registerCypher(program: Command, io: CliIo): void {
  void io;
  program
    .command('cypher <name>')
    .description('run a named query of graph/queries on the configured Neo4j')
    .action(() => {
      throw errors.usage('cypher is not available in this build yet');
    });
}

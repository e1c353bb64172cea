// `idgraph export`: the graph to Neo4j, through the driver or as neo4j-admin import files.
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import type { CliIo } from '../io.js';

export function registerExport(program: Command, io: CliIo): void {
  void io;
  const exportCommand = program.command('export').description('export a run to Neo4j');
  exportCommand
    .command('neo4j <dir>')
    .description('push the graph to Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD from the environment)')
    .action(() => {
      throw errors.usage('export neo4j is not available in this build yet');
    });
  exportCommand
    .command('neo4j-csv <dir>')
    .description('write files for neo4j-admin database import')
    .requiredOption('--to <dir>', 'directory for the import files')
    .action(() => {
      throw errors.usage('export neo4j-csv is not available in this build yet');
    });
}

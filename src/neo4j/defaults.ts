// Defaults of the Neo4j commands that the CLI shows in --help without loading neo4j-driver.

/** Rows per write transaction of `idgraph export neo4j`. */
export const DEFAULT_BATCH_SIZE = 5_000;

// Neo4j: driver export, neo4j-admin import files, and the named queries of graph/.
export * from './admin-import-csv.js';
export * from './connection.js';
export * from './cypher-script.js';
export * from './driver-errors.js';
export * from './export.js';
export * from './graph-assets.js';
export * from './graph-rows.js';
export * from './load-plan.js';
export * from './named-queries.js';
export * from './plain-values.js';
export * from './run-directory.js';
export * from './run-named-query.js';

// Query: gds-project-identity-graph
// Answers: Scale path, step 1: projects the applied links into the Graph Data Science catalog
//   (records and identifiers as nodes, LINKED undirected with its weight), for the WCC queries.
//   Drop the projection with gds-drop-identity-graph when done.
// Param: graph_name (string, default idgraph): name of the in-memory projection
// Returns: graph_name, nodes, relationships (undirected links count twice)
// Requires: Neo4j Graph Data Science plugin
CALL gds.graph.project(
  $graph_name,
  ['Record', 'Identifier'],
  {LINKED: {orientation: 'UNDIRECTED', properties: 'weight'}}
)
YIELD graphName, nodeCount, relationshipCount
RETURN graphName AS graph_name, nodeCount AS nodes, relationshipCount AS relationships

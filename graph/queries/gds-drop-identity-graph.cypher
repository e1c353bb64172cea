// Query: gds-drop-identity-graph
// Answers: Scale path, last step: removes the projection from the GDS catalog (frees its memory).
// Param: graph_name (string, default idgraph): the projection of gds-project-identity-graph
// Returns: graph_name
// Requires: Neo4j Graph Data Science plugin
CALL gds.graph.drop($graph_name, false)
YIELD graphName
RETURN graphName AS graph_name

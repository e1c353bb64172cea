// Query: gds-wcc-component-sizes
// Answers: Scale path, step 2: connected components of the applied links computed inside Neo4j
//   (GDS weakly connected components), as a size distribution. With threshold 0 every component
//   is one customer, so the distribution equals cluster-sizes: a check that the graph in Neo4j
//   resolves as idgraph did. A higher threshold keeps only links with weight strictly greater
//   than it: how the clusters would look without the weak (fuzzy) links.
// Param: graph_name (string, default idgraph): the projection of gds-project-identity-graph
// Param: threshold (float, default 0): only links with weight > threshold join components
// Returns: records (records per component), components (how many components of that size)
// Requires: Neo4j Graph Data Science plugin
CALL gds.wcc.stream($graph_name, {relationshipWeightProperty: 'weight', threshold: $threshold})
YIELD nodeId, componentId
WITH componentId, gds.util.asNode(nodeId) AS node
WHERE node:Record
WITH componentId, count(*) AS records
RETURN records, count(*) AS components
ORDER BY records

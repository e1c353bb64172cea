// Query: gds-wcc-split-customers
// Answers: Scale path: which customers hang on weak links? Runs GDS weakly connected components
//   keeping only links with weight strictly greater than the threshold, and lists the customers
//   whose records fall into more than one component: they would split without their weak links.
//   With threshold 0 the list must be empty (each component is exactly one customer).
// Param: graph_name (string, default idgraph): the projection of gds-project-identity-graph
// Param: threshold (float, default 0.9): only links with weight > threshold join components
// Param: limit (int, default 25): how many customers
// Returns: customer_id, records, components (into how many parts it would split)
// Requires: Neo4j Graph Data Science plugin
CALL gds.wcc.stream($graph_name, {relationshipWeightProperty: 'weight', threshold: $threshold})
YIELD nodeId, componentId
WITH componentId, gds.util.asNode(nodeId) AS node
WHERE node:Record
MATCH (node)-[:BELONGS_TO]->(c:Customer)
WITH c, count(*) AS records, count(DISTINCT componentId) AS components
WHERE components > 1
RETURN c.customer_id AS customer_id, records, components
ORDER BY components DESC, records DESC, customer_id
LIMIT $limit

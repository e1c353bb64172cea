// Load: refused-from-identifiers
// Source: refused.csv, the rows whose `from` side is an identifier (junk refusals have no sides:
// a junk value never becomes a node)
// Row: {key: the RefusedMerge key, ref: "<type>:<value>"}
// (:RefusedMerge)-[:REFUSED_FROM]->(:Identifier). MERGE, so a second load changes nothing.
// Returns how many rows found both nodes.
UNWIND $rows AS row
MATCH (m:RefusedMerge {key: row.key})
MATCH (side:Identifier {key: row.ref})
MERGE (m)-[:REFUSED_FROM]->(side)
RETURN count(*) AS rows

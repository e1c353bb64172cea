// Load: refused-to-identifiers
// Source: refused.csv, the rows whose `to` side is an identifier (junk refusals have no sides:
// a junk value never becomes a node)
// Row: {key: the RefusedMerge key, ref: "<type>:<value>"}
// (:RefusedMerge)-[:REFUSED_TO]->(:Identifier). MERGE, so a second load changes nothing.
// Returns how many rows found both nodes.
UNWIND $rows AS row
MATCH (m:RefusedMerge {key: row.key})
MATCH (side:Identifier {key: row.ref})
MERGE (m)-[:REFUSED_TO]->(side)
RETURN count(*) AS rows

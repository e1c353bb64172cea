// Load: identifier-belongs-to
// Source: identifiers.csv, the rows with a customer_id (an identifier whose every attachment was
// refused has none)
// Row: {key: "<type>:<value>", customer_id}
// (:Identifier)-[:BELONGS_TO]->(:Customer). An identifier belongs to one customer: a BELONGS_TO
// left by the export of an earlier run is deleted. Returns how many rows found both nodes.
UNWIND $rows AS row
MATCH (i:Identifier {key: row.key})
MATCH (c:Customer {customer_id: row.customer_id})
MERGE (i)-[:BELONGS_TO]->(c)
WITH i, c
OPTIONAL MATCH (i)-[stale:BELONGS_TO]->(other:Customer)
WHERE other <> c
WITH i, collect(stale) AS stale
FOREACH (relationship IN stale | DELETE relationship)
RETURN count(i) AS rows

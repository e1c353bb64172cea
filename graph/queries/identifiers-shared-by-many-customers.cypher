// Query: identifiers-shared-by-many-customers
// Answers: Which identifiers do records of several customers carry? An identifier is held by
//   one customer; records of other customers that carry it had their link refused (consent,
//   limit, conflict). Many claimants point at shared family or company values and at junk that
//   the junk rules did not catch.
// Param: min_customers (int, default 2): at least this many customers carry the identifier
// Param: limit (int, default 25): how many identifiers
// Returns: key, type, records (records that carry it), customers (how many customers),
//   customer_ids (the first 10, by ID)
MATCH (i:Identifier)
OPTIONAL MATCH (i)<-[:LINKED]-(:Record)-[:BELONGS_TO]->(holder:Customer)
WITH i, collect(DISTINCT holder.customer_id) AS holders
OPTIONAL MATCH (i)<-[:REFUSED_FROM|REFUSED_TO]-(:RefusedMerge)-[:REFUSED_FROM|REFUSED_TO]->(:Record)-[:BELONGS_TO]->(claimant:Customer)
WITH i, holders, collect(DISTINCT claimant.customer_id) AS claimants
WITH i, holders + [id IN claimants WHERE NOT id IN holders] AS ids
WHERE size(ids) >= $min_customers
UNWIND ids AS id
WITH i, id
ORDER BY id
WITH i, collect(id) AS ids
RETURN i.key AS key, i.type AS type, i.records AS records, size(ids) AS customers, ids[0..10] AS customer_ids
ORDER BY customers DESC, records DESC, key
LIMIT $limit

// Query: customer-360
// Answers: What belongs to this customer? Its permission level, every identifier and record, the
//   links that hold it together and the merges that were refused on its way. No row when the
//   graph has no such customer.
// Param: customer_id (string): the customer ID, e.g. cus_0123456789abcdef
// Returns: customer_id, permission_level, sources, identifiers (list of {key, type, value, records},
//   by type and value), records (list of {key, source, record_id, domain}, by source and record_id),
//   links (list of {from, to, matcher, weight, evidence}, by from and to), refused (list of
//   {rule, detail, from, to, matcher, weight, from_customer, to_customer}, by key)
// Embedded: idgraph customer <dir> <customer_id>
MATCH (c:Customer {customer_id: $customer_id})
OPTIONAL MATCH (i:Identifier)-[:BELONGS_TO]->(c)
WITH c, i
ORDER BY i.type, i.value
WITH c, collect(i) AS held
WITH c, [i IN held | i {.key, .type, .value, .records}] AS identifiers
OPTIONAL MATCH (r:Record)-[:BELONGS_TO]->(c)
WITH c, identifiers, r
ORDER BY r.source, r.record_id
WITH c, identifiers, collect(r) AS members
WITH c, identifiers, [r IN members | r {.key, .source, .record_id, .domain}] AS records
OPTIONAL MATCH (member:Record)-[:BELONGS_TO]->(c)
OPTIONAL MATCH (member)-[l:LINKED]->(other)
WITH c, identifiers, records, member, l, other
ORDER BY member.key, other.key, l.matcher
WITH c, identifiers, records,
     collect(CASE WHEN l IS NULL THEN null
                  ELSE {from: member.key, to: other.key, matcher: l.matcher, weight: l.weight, evidence: l.evidence} END) AS links
OPTIONAL MATCH (m:RefusedMerge)
WHERE m.from_customer = c.customer_id OR m.to_customer = c.customer_id
WITH c, identifiers, records, links, m
ORDER BY m.key
WITH c, identifiers, records, links, collect(m) AS refusals
RETURN c.customer_id AS customer_id, c.permission_level AS permission_level, c.sources AS sources,
       identifiers, records, links,
       [m IN refusals | m {.rule, .detail, .from, .to, .matcher, .weight, .from_customer, .to_customer}] AS refused

// Query: over-merge-suspects
// Answers: Where might over-merging happen? Customers with many records, ranked by the signs of
//   a wrong merge: merges refused by the over-merge limits or by conflicting attributes, fuzzy
//   (record-to-record) links holding them together and the weakest of them, many emails or phones.
// Param: min_records (int, default 3): only customers with at least this many records
// Param: limit (int, default 25): how many customers
// Returns: customer_id, records, identifiers, emails, phones, sources, fuzzy_links,
//   weakest_link (lowest weight of a fuzzy link, null without one), limit_refusals
//   (refused merges with rule limit or conflict that touch the customer)
MATCH (c:Customer)
WHERE c.records >= $min_records
OPTIONAL MATCH (i:Identifier)-[:BELONGS_TO]->(c)
WITH c, count(i) AS identifiers,
     count(CASE WHEN i.type = 'email' THEN 1 END) AS emails,
     count(CASE WHEN i.type = 'phone' THEN 1 END) AS phones
OPTIONAL MATCH (r:Record)-[:BELONGS_TO]->(c)
OPTIONAL MATCH (r)-[fuzzy:LINKED]->(:Record)
WITH c, identifiers, emails, phones, count(fuzzy) AS fuzzy_links, min(fuzzy.weight) AS weakest_link
OPTIONAL MATCH (m:RefusedMerge)
WHERE m.rule IN ['limit', 'conflict'] AND (m.from_customer = c.customer_id OR m.to_customer = c.customer_id)
WITH c, identifiers, emails, phones, fuzzy_links, weakest_link, count(m) AS limit_refusals
RETURN c.customer_id AS customer_id, c.records AS records, identifiers, emails, phones, c.sources AS sources,
       fuzzy_links, weakest_link, limit_refusals
ORDER BY limit_refusals DESC, fuzzy_links DESC, records DESC, customer_id
LIMIT $limit

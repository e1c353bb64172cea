// Query: path-between-identifiers
// Answers: Why do these two share a customer, or why not? When they share one: the strongest
//   chain of applied links between them (the fewest hops, then the largest product of weights),
//   each link with matcher, weight and evidence. When they do not: the refused merges between
//   them or their two customers, with the rule and detail that kept them apart. Either side may
//   be an identifier or a record.
// Param: from (string): <type>:<value> as in identifiers.csv, or record:<source>/<record_id>
// Param: to (string): the other side, in the same form
// Returns: kind (path: they share a customer; refused: refused merges keep them apart; none:
//   nothing links them; not-found: the graph has no such node), from, to, from_customer,
//   to_customer, links (list of {from, to, matcher, weight, evidence}, each oriented along the chain from
//   `from` to `to`),
//   strength (product of the link weights; null unless kind is path), refused (list of
//   {rule, detail, from, to, matcher, weight, from_customer, to_customer}, by key)
// Embedded: idgraph explain <dir> <ref> <ref>
OPTIONAL MATCH (from_identifier:Identifier {key: $from})
OPTIONAL MATCH (from_record:Record {key: $from})
WITH coalesce(from_identifier, from_record) AS a
OPTIONAL MATCH (to_identifier:Identifier {key: $to})
OPTIONAL MATCH (to_record:Record {key: $to})
WITH a, coalesce(to_identifier, to_record) AS b
OPTIONAL MATCH (a)-[:BELONGS_TO]->(ca:Customer)
OPTIONAL MATCH (b)-[:BELONGS_TO]->(cb:Customer)
WITH a, b, ca, cb, coalesce(ca = cb, false) AS same_customer
// The chain search runs only for two different nodes of one customer (shortest paths refuse a
// path from a node to itself, and no chain of applied links joins two customers). Needs Neo4j 5.23+
// for the CALL (…) variable scope.
// NOTE: chains longer than 100 hops are not searched (a customer has at most 1,000 records by default).
CALL (a, b, same_customer) {
  WITH a, b
  WHERE same_customer AND a <> b
  MATCH chain = allShortestPaths((a)-[:LINKED*..100]-(b))
  WITH chain,
       reduce(product = 1.0, l IN relationships(chain) | product * l.weight) AS strength,
       reduce(order_key = '', n IN nodes(chain) | order_key + n.key + ' ') AS order_key
  ORDER BY strength DESC, order_key
  RETURN collect(chain) AS chains
}
WITH a, b, ca, cb, same_customer, chains[0] AS chain
OPTIONAL MATCH (m:RefusedMerge)
WHERE NOT same_customer
  AND ((m.from = a.key OR m.from_customer = ca.customer_id) AND (m.to = b.key OR m.to_customer = cb.customer_id)
    OR (m.from = b.key OR m.from_customer = cb.customer_id) AND (m.to = a.key OR m.to_customer = ca.customer_id))
WITH a, b, ca, cb, same_customer, chain, m
ORDER BY m.key
WITH a, b, ca, cb, same_customer, chain, collect(m) AS refusals
RETURN CASE WHEN a IS NULL OR b IS NULL THEN 'not-found'
            WHEN same_customer AND (a = b OR chain IS NOT NULL) THEN 'path'
            WHEN size(refusals) > 0 THEN 'refused'
            ELSE 'none' END AS kind,
       a.key AS from, b.key AS to, ca.customer_id AS from_customer, cb.customer_id AS to_customer,
       CASE WHEN chain IS NULL THEN []
            ELSE [i IN range(0, length(chain) - 1) |
                  {from: nodes(chain)[i].key, to: nodes(chain)[i + 1].key, matcher: relationships(chain)[i].matcher,
                   weight: relationships(chain)[i].weight, evidence: relationships(chain)[i].evidence}] END AS links,
       CASE WHEN chain IS NOT NULL THEN reduce(product = 1.0, l IN relationships(chain) | product * l.weight)
            WHEN same_customer AND a = b THEN 1.0 END AS strength,
       [m IN refusals | m {.rule, .detail, .from, .to, .matcher, .weight, .from_customer, .to_customer}] AS refused

// Query: refused-merges
// Answers: Why were merges refused? The refused merges of one rule with their detail, the two
//   sides and the customers each side ended up in.
// Param: rule (string): consent, limit, conflict or junk
// Param: limit (int, default 25): how many refused merges
// Returns: rule, detail, from, to, matcher, weight, from_customer, to_customer
MATCH (m:RefusedMerge {rule: $rule})
RETURN m.rule AS rule, m.detail AS detail, m.from AS from, m.to AS to, m.matcher AS matcher,
       m.weight AS weight, m.from_customer AS from_customer, m.to_customer AS to_customer
ORDER BY m.key
LIMIT $limit

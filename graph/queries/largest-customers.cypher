// Query: largest-customers
// Answers: How big are the largest clusters? The customers with the most records (ties by
//   customer ID), with their identifiers, permission level and sources.
// Param: limit (int, default 10): how many customers
// Returns: customer_id, records, identifiers, permission_level, sources
// Embedded: idgraph stats <dir> (largestCustomers)
MATCH (c:Customer)
RETURN c.customer_id AS customer_id, c.records AS records, c.identifiers AS identifiers,
       c.permission_level AS permission_level, c.sources AS sources
ORDER BY records DESC, customer_id
LIMIT $limit

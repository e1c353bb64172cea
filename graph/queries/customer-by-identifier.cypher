// Query: customer-by-identifier
// Answers: Who is behind this identifier? The customer that holds it, with the customer's
//   permission level, size and sources. No row when the graph has no such identifier.
// Param: key (string): the identifier as <type>:<value>, normalised as in identifiers.csv
//   (lower-case email without plus-tag, E.164 phone; the pseudonym in a pseudonymised run),
//   e.g. email:anna@example.org
// Returns: key, type, value, records (records that carry it), customer_id (null when every
//   attachment of it was refused), permission_level, customer_records, customer_identifiers, sources
// Embedded: idgraph lookup <dir> <type>:<value>
MATCH (i:Identifier {key: $key})
OPTIONAL MATCH (i)-[:BELONGS_TO]->(c:Customer)
RETURN i.key AS key, i.type AS type, i.value AS value, i.records AS records,
       c.customer_id AS customer_id, c.permission_level AS permission_level,
       c.records AS customer_records, c.identifiers AS customer_identifiers, c.sources AS sources

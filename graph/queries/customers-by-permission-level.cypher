// Query: customers-by-permission-level
// Answers: How many customers have each permission level? 1 = no permission, 2 = cookie or CRM
//   permission, 3 = both (needed to join online and CRM data).
// Returns: permission_level, customers
// Embedded: idgraph stats <dir> (permissionLevels)
MATCH (c:Customer)
RETURN c.permission_level AS permission_level, count(*) AS customers
ORDER BY permission_level

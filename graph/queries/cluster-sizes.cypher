// Query: cluster-sizes
// Answers: How are customers distributed by size? The number of customers per record count.
// Returns: records (records per customer), customers (how many customers have that many)
// Embedded: idgraph stats <dir> (clusterSizes)
MATCH (c:Customer)
RETURN c.records AS records, count(*) AS customers
ORDER BY records

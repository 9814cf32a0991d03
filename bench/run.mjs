// `pnpm bench`: benchmarks against the real servers (autocannon), not part of `pnpm test`.
// The commerce-core issue adds the product-list and order-placement benchmarks here.
console.log("No benchmarks are defined yet; see README > Benchmarks.");

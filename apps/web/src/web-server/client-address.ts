import { BlockList, isIP } from "node:net";

/** Decides whether a connecting address is a proxy hop whose X-Forwarded-For may be believed. */
export type TrustedHops = (address: string) => boolean;

// The names Fastify's trustProxy (proxy-addr) knows, so both tiers read the same syntax.
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/** "::ffff:127.0.0.2" (IPv4 on a dual-stack socket) is the IPv4 address 127.0.0.2. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const lower = trimmed.toLowerCase();
  if (lower.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4) return trimmed.slice(7);
  return trimmed;
}

function addRange(list: BlockList, range: string): void {
  const [address = "", bits] = range.split("/");
  const family = isIP(address);
  if (family === 0) throw new Error(`"${range}" is not an IP address, a CIDR range or a known name`);
  const type = family === 4 ? "ipv4" : "ipv6";
  if (bits === undefined) {
    list.addAddress(address, type);
  } else if (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)) {
    list.addSubnet(address, Number(bits), type);
  } else {
    throw new Error(`"${range}" has an invalid prefix length`);
  }
}

/**
 * Parses a trust setting: `false` (or empty) trusts nobody, `true` every hop, otherwise a comma-separated
 * list of addresses, CIDR ranges and the names loopback, linklocal and uniquelocal. Throws on anything
 * else, so a typo stops start-up instead of trusting the wrong hops.
 */
export function parseTrustedHops(setting: string): TrustedHops {
  const value = setting.trim().toLowerCase();
  if (value === "" || value === "false") return () => false;
  if (value === "true") return () => true;
  const list = new BlockList();
  for (const entry of value.split(",").map((item) => item.trim())) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) addRange(list, range);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
  };
}

/**
 * The client's address: the connection's peer, unless the peer is a trusted hop, in which case the
 * X-Forwarded-For it sent is walked from the right over further trusted hops (as proxy-addr does). What
 * an untrusted peer claims is never read, and an entry that is not an IP address ends the walk at the hop
 * that wrote it.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedHops,
): string {
  let client = normalizeAddress(peer ?? "");
  if (!trusted(client) || forwardedFor === undefined) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normalizeAddress(hops[index]!);
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trusted(client)) return client;
  }
  return client;
}

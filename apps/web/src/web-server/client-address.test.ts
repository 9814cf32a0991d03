import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, parseTrustedHops } from "./client-address.ts";

describe("clientAddress: the client IP is whatever the client says (issue 10, 1)", () => {
  const nobody = parseTrustedHops("false");

  it("trusts nobody by default: a forged X-Forwarded-For is replaced by the peer", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", nobody)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "1.2.3.4, 127.0.0.1", parseTrustedHops(""))).toBe("127.0.0.1");
    expect(clientAddress("::ffff:127.0.0.2", ["1.2.3.4", "5.6.7.8"], nobody)).toBe("127.0.0.2");
  });

  it("reads X-Forwarded-For only from a trusted hop, walking from the right over trusted hops", () => {
    const edge = parseTrustedHops("10.0.0.0/8, loopback");
    // nginx on loopback appended the real client to what the client claimed.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9", edge)).toBe("203.0.113.9");
    // a load balancer (10.x) in front of nginx (loopback)
    expect(clientAddress("::1", "6.6.6.6, 203.0.113.9, 10.1.2.3", edge)).toBe("203.0.113.9");
    // all hops trusted: the furthest one
    expect(clientAddress("127.0.0.1", "10.0.0.7", edge)).toBe("10.0.0.7");
    // a trusted peer that sent no header is the client
    expect(clientAddress("10.0.0.5", undefined, edge)).toBe("10.0.0.5");
    // an untrusted peer's header is never read
    expect(clientAddress("203.0.113.9", "10.0.0.1", edge)).toBe("203.0.113.9");
  });

  it("stops at an entry that is not an address, at the hop that wrote it", () => {
    const edge = parseTrustedHops("127.0.0.1");
    expect(clientAddress("127.0.0.1", "203.0.113.9, not-an-ip", edge)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "", edge)).toBe("127.0.0.1");
  });

  it("trusts every hop only when told to", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", parseTrustedHops("true"))).toBe("198.51.100.1");
  });
});

describe("parseTrustedHops", () => {
  it("knows addresses, CIDR ranges, IPv6 and proxy-addr's names", () => {
    const trusted = parseTrustedHops("192.0.2.10,172.16.0.0/12,2001:db8::/32,uniquelocal,linklocal");
    for (const address of ["192.0.2.10", "172.31.255.1", "2001:db8::1", "10.9.9.9", "fd00::1", "169.254.1.1"])
      expect(trusted(address), address).toBe(true);
    for (const address of ["192.0.2.11", "127.0.0.1", "8.8.8.8", "2001:db9::1", "", "garbage"])
      expect(trusted(address), address).toBe(false);
  });

  it.each(["localhost", "10.0.0.0/33", "10.0.0.0/x", "1.2.3", "loopback,"])("refuses %j", (setting) => {
    expect(() => parseTrustedHops(setting)).toThrow();
  });

  it("normalizes IPv4-mapped IPv6 addresses", () => {
    expect(normalizeAddress("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(normalizeAddress("::1")).toBe("::1");
  });
});

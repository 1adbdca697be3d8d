import { describe, expect, it } from "vitest";
import { parseEnvironment } from "./index";
import { clientAddress, trustNoProxy, trustProxies } from "./trusted-proxies";

describe("TRUSTED_PROXIES", () => {
  it("trusts no proxy when unset or empty", () => {
    expect(parseEnvironment({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnvironment({ TRUSTED_PROXIES: " " }).TRUSTED_PROXIES).toEqual([]);
  });

  it("reads a comma-separated list of addresses and ranges", () => {
    const env = parseEnvironment({ TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7,2001:db8::/32" });
    expect(env.TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "192.0.2.7", "2001:db8::/32"]);
  });

  it("names the variable when an entry is not an address or range", () => {
    expect(() => parseEnvironment({ TRUSTED_PROXIES: "10.0.0.0/8, lb.example" })).toThrow(
      /TRUSTED_PROXIES/,
    );
    expect(() => parseEnvironment({ TRUSTED_PROXIES: "10.0.0.0/99" })).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("clientAddress", () => {
  const trust = trustProxies(["10.0.0.0/8", "192.0.2.7"]);

  it("keeps the socket's address when no proxy is trusted, whatever the header says", () => {
    expect(clientAddress("198.51.100.4", "203.0.113.9", trustNoProxy)).toBe("198.51.100.4");
    expect(clientAddress("10.0.0.2", "203.0.113.9", trustProxies([]))).toBe("10.0.0.2");
  });

  it("ignores a forged header from a socket that is not a trusted proxy", () => {
    expect(clientAddress("198.51.100.4", "203.0.113.9", trust)).toBe("198.51.100.4");
  });

  it("takes the address a trusted proxy saw", () => {
    expect(clientAddress("10.1.2.3", "203.0.113.9", trust)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:10.1.2.3", "203.0.113.9", trust)).toBe("203.0.113.9");
  });

  it("walks a chain of proxies from the right and never believes the left-most entry", () => {
    // The client forged 1.1.1.1; the outer proxy 192.0.2.7 appended what it saw, the inner 10.x appended it.
    const header = "1.1.1.1, 203.0.113.9, 192.0.2.7";
    expect(clientAddress("10.1.2.3", header, trust)).toBe("203.0.113.9");
    expect(clientAddress("10.1.2.3", ["1.1.1.1, 203.0.113.9", "192.0.2.7"], trust)).toBe(
      "203.0.113.9",
    );
  });

  it("keeps the proxy's address when the header is missing or not an address", () => {
    expect(clientAddress("10.1.2.3", undefined, trust)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", "not-an-address", trust)).toBe("10.1.2.3");
    expect(clientAddress(null, "203.0.113.9", trust)).toBeNull();
  });
});

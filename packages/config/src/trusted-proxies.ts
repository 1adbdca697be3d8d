import { isIP } from "node:net";
import proxyAddr from "proxy-addr";
import { z } from "zod";

/** Whether the address `hop` steps from the server is a proxy we trust to say who it served. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/** No proxy trusted: the socket's address is the client's. */
export const trustNoProxy: ProxyTrust = () => false;

function validProxyList(list: string[]): boolean {
  try {
    proxyAddr.compile(list);
    return true;
  } catch {
    return false;
  }
}

export const trustedProxiesEnvironmentShape = {
  /**
   * The load balancers in front of Teamaround, as IP addresses or CIDR ranges
   * (or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`). Empty: no
   * proxy is trusted and X-Forwarded-For is ignored.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .refine(validProxyList, {
      message: "must be a comma-separated list of IP addresses or CIDR ranges such as 10.0.0.0/8",
    }),
};

/** Compiles the TRUSTED_PROXIES list once; throws on an entry that is not an address or range. */
export function trustProxies(list: readonly string[]): ProxyTrust {
  return list.length === 0 ? trustNoProxy : proxyAddr.compile([...list]);
}

/**
 * The client's address for audit and throttling. Only when the socket's peer
 * is a trusted proxy is X-Forwarded-For read, from the right: the first
 * address that is not itself a trusted proxy. The left-most entries are
 * whatever the client sent and are never believed on their own.
 */
export function clientAddress(
  socketAddress: string | null | undefined,
  forwardedFor: string | string[] | undefined,
  trust: ProxyTrust,
): string | null {
  if (!socketAddress) return null;
  if (trust === trustNoProxy || !trust(socketAddress, 0)) return socketAddress;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  // proxy-addr reads only these two fields of a Node request.
  const request = {
    socket: { remoteAddress: socketAddress },
    headers: { "x-forwarded-for": header },
  };
  const address = proxyAddr(request as unknown as Parameters<typeof proxyAddr>[0], trust);
  // A trusted proxy that passed on something other than an address: keep the proxy's.
  return isIP(address) === 0 ? socketAddress : address;
}

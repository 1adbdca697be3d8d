import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A person at the test identity provider: what its id tokens say about them. */
export interface ProviderPerson {
  email?: string;
  email_verified?: boolean;
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People by subject; a test adds its own. */
  people: Map<string, ProviderPerson>;
  /** Plays the person's browser at the provider from the authorisation URL to the redirect back. */
  signInAs(subject: string, authorizationUrl: string, redirectPrefix: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (panva's oidc-provider) on a loopback port, with one
 * confidential client. Its login and consent step is answered in code: the
 * interaction page signs in the subject the test names and grants the scopes
 * asked for. Id tokens carry the email claims, as Entra ID's and most
 * councils' providers do.
 */
export async function startTestIdentityProvider(
  redirectUri: string,
): Promise<TestIdentityProvider> {
  const people = new Map<string, ProviderPerson>();
  const clientId = "teamaround-test";
  const clientSecret = "a-test-client-secret-of-some-length";
  let nextSubject: string | null = null;
  let provider: Provider | null = null;

  const server = createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end();
    if (req.url?.startsWith("/interaction/")) return void answerInteraction(provider, req, res);
    return provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true, methods: ["S256"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["test-cookie-signing-key"] },
    findAccount: (_ctx, sub) => {
      const person = people.get(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...person }) };
    },
  });

  async function answerInteraction(p: Provider, req: IncomingMessage, res: ServerResponse) {
    try {
      const details = await p.interactionDetails(req, res);
      const accountId = nextSubject ?? "";
      const grant = new p.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await p.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  }

  /** The provider's cookies, by name; paths are ignored (the provider's own, for one test). */
  async function browse(start: string, redirectPrefix: string): Promise<string> {
    const jar = new Map<string, string>();
    let url = start;
    for (let hop = 0; hop < 10; hop++) {
      if (url.startsWith(redirectPrefix)) return url;
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
      const response = await fetch(url, { redirect: "manual", headers: { cookie } });
      for (const set of response.headers.getSetCookie()) {
        const [pair = ""] = set.split(";");
        const at = pair.indexOf("=");
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = response.headers.get("location");
      if (!location) throw new Error(`provider stopped at ${url}: ${response.status}`);
      url = new URL(location, url).href;
    }
    throw new Error("too many redirects at the provider");
  }

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    async signInAs(subject, authorizationUrl, redirectPrefix) {
      nextSubject = subject;
      return browse(authorizationUrl, redirectPrefix);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

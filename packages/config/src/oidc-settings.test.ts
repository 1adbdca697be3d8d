import { describe, expect, it } from "vitest";
import { parseEnvironment } from "./index";
import { oidcClientSecretFor, oidcSecretVariable } from "./oidc-settings";

describe("single sign-on client secrets", () => {
  it("has none when nothing is set", () => {
    const { oidc } = parseEnvironment({});
    expect(oidcClientSecretFor(oidc, "teamaround")).toBeNull();
  });

  it("uses a client id's own secret before the shared one", () => {
    const clientId = "3f2a9c1e-0b6d-4c1a-9e2f-7a1b2c3d4e5f";
    expect(oidcSecretVariable(clientId)).toBe(
      "OIDC_CLIENT_SECRET_3F2A9C1E_0B6D_4C1A_9E2F_7A1B2C3D4E5F",
    );
    const { oidc } = parseEnvironment({
      OIDC_CLIENT_SECRET: "shared-secret",
      [oidcSecretVariable(clientId)]: "northshire-secret",
    });
    expect(oidcClientSecretFor(oidc, clientId)).toBe("northshire-secret");
    expect(oidcClientSecretFor(oidc, "another-client")).toBe("shared-secret");
  });

  it("names a malformed secret without repeating it", () => {
    try {
      parseEnvironment({ OIDC_CLIENT_SECRET: " hunter2 " });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/OIDC_CLIENT_SECRET/);
      expect(String(error)).not.toContain("hunter2");
    }
  });
});

import { describe, expect, it } from "vitest";
import { parseEnvironment } from "./index";

describe("parseEnvironment", () => {
  it("fills the defaults of the zero-setup start", () => {
    expect(parseEnvironment({})).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      DATA_DIR: "./data",
      NODE_ENV: "development",
      PUBLIC_ORIGIN: "http://127.0.0.1:3000",
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnvironment({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnvironment({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnvironment({ REDIS_URL: "http://x" })).toThrow(/REDIS_URL/);
  });

  it("requires PUBLIC_ORIGIN in production and keeps only the origin", () => {
    expect(() => parseEnvironment({ NODE_ENV: "production" })).toThrow(/PUBLIC_ORIGIN/);
    const env = parseEnvironment({
      NODE_ENV: "production",
      PUBLIC_ORIGIN: "https://tac.example.gov.uk/x",
    });
    expect(env.PUBLIC_ORIGIN).toBe("https://tac.example.gov.uk");
  });
});

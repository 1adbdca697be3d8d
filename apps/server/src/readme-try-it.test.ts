import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const readme = fileURLToPath(new URL("../../../README.md", import.meta.url));

/** The README's "Try it" section, up to the next heading of its level. */
async function tryItSection(): Promise<string> {
  const text = await readFile(readme, "utf8");
  const start = text.indexOf("## Try it");
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

describe("the README's Try it section", () => {
  it("sends people to the address the start command prints, which PORT and HOST change", async () => {
    const section = await tryItSection();
    expect(section).toContain("open the address it prints");
    expect(section).toMatch(/unless you set `HOST` or `PORT`/);
  });

  it("never gives port 3000 without saying it is only the default", async () => {
    const paragraphs = (await tryItSection()).split(/\n\s*\n/);
    for (const paragraph of paragraphs.filter((p) => p.includes(":3000"))) {
      expect(paragraph).toMatch(
        /unless you set `HOST` or `PORT`|the address the start command printed/,
      );
    }
  });
});

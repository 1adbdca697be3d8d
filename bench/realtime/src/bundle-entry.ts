import { readFile } from "node:fs/promises";
import { basename, dirname, extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const outdir = fileURLToPath(new URL("../.build/", import.meta.url));

/**
 * Bundles a server entry the way `pnpm start` runs the product (one ESM file,
 * the workspace's TypeScript compiled in, npm packages imported from where
 * they are installed) and answers the file to run with plain `node`. Servers
 * under test run from this, not through tsx, whose loader and in-memory
 * transforms would add some 35–90 MB to every process's memory.
 */
export function bundleEntry(entry: string): Promise<string> {
  let built = bundles.get(entry);
  if (!built) {
    built = bundle(entry);
    bundles.set(entry, built);
  }
  return built;
}

/** Built once per bench run. */
const bundles = new Map<string, Promise<string>>();

async function bundle(entry: string): Promise<string> {
  const outfile = `${outdir}${basename(entry, extname(entry))}.mjs`;
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    plugins: [npmPackagesWhereInstalled],
  });
  return outfile;
}

const resolving = Symbol("resolving");

/**
 * Each npm package stays an import, of the exact file esbuild resolved from
 * the importing package (pnpm installs each package's dependencies beside it,
 * so a bare name would not resolve from the output's folder). `import.meta.url`
 * keeps meaning the source file, so paths such as the migrations folder hold.
 */
const npmPackagesWhereInstalled: Plugin = {
  name: "npm-packages-where-installed",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("node:") || args.path.startsWith("@teamaround/")) return undefined;
      if (args.pluginData === resolving) return undefined;
      const found = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: resolving,
      });
      if (found.errors.length > 0) return { errors: found.errors };
      // Built-in modules named without `node:` (e.g. "crypto") resolve to themselves.
      if (!found.path.startsWith("/")) return { path: args.path, external: true };
      return { path: pathToFileURL(found.path).href, external: true };
    });
    pluginBuild.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      return {
        contents: source.replaceAll(
          "import.meta.url",
          JSON.stringify(pathToFileURL(args.path).href),
        ),
        loader: args.path.endsWith("x") ? "tsx" : "ts",
        resolveDir: dirname(args.path),
      };
    });
  },
};

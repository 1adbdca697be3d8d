// Bundles the server into dist/main.js for `pnpm start`: the workspace
// packages (which export TypeScript source) are compiled in, every npm package
// stays an import that Node resolves from apps/server/node_modules.
import { readFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const serverDir = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${serverDir}dist`;
const manifest = JSON.parse(await readFile(`${serverDir}package.json`, "utf8"));
const declared = new Set(Object.keys(manifest.dependencies ?? {}));
const missing = new Map();

const packageName = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

/** @type {import("esbuild").Plugin} */
const workspaceInlined = {
  name: "workspace-inlined",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:") || args.path.startsWith("@teamaround/")) return undefined;
      const name = packageName(args.path);
      if (!declared.has(name)) missing.set(name, relative(serverDir, args.importer));
      return { path: args.path, external: true };
    });
    // `import.meta.url` keeps meaning the source file, so paths such as the
    // migrations folder or the web client's dist resolve as they do in development.
    pluginBuild.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const fromOutput = relative(outdir, args.path).split("\\").join("/");
      return {
        contents: source.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(fromOutput)}, import.meta.url).href`,
        ),
        loader: args.path.endsWith("x") ? "tsx" : "ts",
        resolveDir: dirname(args.path),
      };
    });
  },
};

await build({
  entryPoints: [`${serverDir}src/main.ts`],
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [workspaceInlined],
});
if (missing.size > 0) {
  const lines = [...missing].map(([name, importer]) => `  ${name} (imported by ${importer})`);
  throw new Error(
    `Node resolves these from apps/server: add them to its package.json dependencies ("catalog:" when shared):\n${lines.join("\n")}`,
  );
}
process.stdout.write(`built ${relative(process.cwd(), outdir)}/main.js\n`);

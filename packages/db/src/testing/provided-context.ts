/** What the global setup hands every test file: where the run's migrated database is. */
declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "postgres"; url: string } | { kind: "pglite"; dumpPath: string };
  }
}

export {};

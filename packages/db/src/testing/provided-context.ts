/** What the global setup hands every test file: where the run's migrated database is. */
declare module "vitest" {
  export interface ProvidedContext {
    testDatabase:
      | {
          kind: "postgres";
          url: string;
          /** An untouched copy of the migrated database, for files that need one of their own. */
          template: string;
        }
      | { kind: "pglite"; dumpPath: string };
  }
}

export {};

import { type Environment, parseEnvironment } from "@teamaround/config";

export type RealtimeEnvironment = Environment;

/** Reads and validates the environment once; a wrong value stops start-up naming the variable. */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): RealtimeEnvironment {
  return parseEnvironment(source);
}

import { type Environment, parseEnvironment } from "@teamaround/config";

export type ApiEnvironment = Environment;

/** Reads and validates the environment once; a wrong value stops start-up naming the variable. */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): ApiEnvironment {
  return parseEnvironment(source);
}

import { type Environment, parseEnvironment } from "@teamaround/config";

export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  return parseEnvironment(source);
}

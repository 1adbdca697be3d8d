export {
  type AuthorityOptions,
  generateAuthority,
  generateHistory,
  type HistoryOptions,
} from "./generate-history";
export type { HistoryOrganisation, StaffMember } from "./organisation";
export { syntheticLocalities } from "./organisation";
export { Random } from "./random";

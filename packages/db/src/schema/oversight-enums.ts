import { auditGrades, signOffDecisions, signOffStates, signOffSubjects } from "@teamaround/domain";
import { pgEnum } from "drizzle-orm/pg-core";

export const signOffSubject = pgEnum("sign_off_subject", signOffSubjects);
export const signOffDecision = pgEnum("sign_off_decision", signOffDecisions);
export const signOffState = pgEnum("sign_off_state", signOffStates);
export const auditGrade = pgEnum("audit_grade", auditGrades);

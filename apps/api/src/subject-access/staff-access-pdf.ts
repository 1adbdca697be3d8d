import { makePrintout, type PrintoutHeader, type PrintoutWriter } from "../printouts/pdf-layout";
import type { StaffAccessExport } from "./collect-staff-access";

const words = (key: string) =>
  (key.charAt(0).toUpperCase() + key.slice(1))
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2");

function show(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(show).filter(Boolean).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function fields(w: PrintoutWriter, row: Record<string, unknown>) {
  for (const [key, value] of Object.entries(row)) {
    const text = show(value);
    if (text !== "") w.field(words(key), text);
  }
}

function rows(w: PrintoutWriter, title: string, list: readonly Record<string, unknown>[]) {
  w.heading(title);
  if (list.length === 0) w.paragraph("None.", { muted: true });
  list.forEach((row, i) => {
    w.heading(`${title}: ${i + 1} of ${list.length}`, 3);
    fields(w, row);
  });
}

/** A member of staff's subject access export as a readable PDF: the same content as the JSON. */
export function staffAccessPdf(header: PrintoutHeader, data: StaffAccessExport) {
  return makePrintout(header, (w) => {
    w.heading("About this export");
    w.field("Person", data.about.name);
    w.field("Made at", data.about.madeAt);
    w.paragraph(
      "Everything the service holds about this member of staff: their account, sessions and devices, sign-in history, the records they wrote (by kind, with the families' references), every audit event they caused (reads included) and their notices. The families' records themselves are not included: they are about the families.",
    );
    w.heading("Their account");
    fields(w, data.account);
    rows(w, "Sessions", data.sessions);
    rows(w, "Devices", data.devices);
    rows(w, "Single sign-on links", data.singleSignOnLinks);
    w.heading("Sign-in history");
    w.list(
      data.signIns.map((s) => `${s.at}: ${s.what}${s.ipAddress ? ` from ${s.ipAddress}` : ""}`),
    );
    w.heading("Records they wrote");
    w.list(
      data.authored.map(
        (a) =>
          `${words(a.table)} (${words(a.column).toLowerCase()}): ${a.count}${
            a.familyReferences.length > 0 ? `, families ${a.familyReferences.join(", ")}` : ""
          }`,
      ),
    );
    w.heading("What they did (the audit log)");
    w.list(
      data.events.map(
        (e) => `${e.at}: ${e.what}${e.familyReference ? ` (family ${e.familyReference})` : ""}`,
      ),
    );
    rows(w, "Notices", data.notices);
  });
}

import { makePrintout, type PrintoutHeader, type PrintoutWriter } from "../printouts/pdf-layout";
import type { SubjectAccessExport } from "./collect-subject-access";
import { isFlagged } from "./third-parties";

/** How a third party's detail reads in the PDF; the legend explains it. */
export const thirdPartyMark = (value: string) => `[[THIRD PARTY: ${value}]]`;

const legend =
  'Text shown as [[THIRD PARTY: …]] names or concerns someone other than the person asking (another member of the family, or someone outside it who is not a practitioner). Review each one before release, and redact it unless that person agrees or it is reasonable to disclose without their agreement. The JSON file marks the same values with "thirdParty": true.';

const hiddenKeys = new Set(["id", "family_id", "version", "authority_id"]);

const words = (key: string) =>
  (key.charAt(0).toUpperCase() + key.slice(1)).replace(/_/g, " ").replace(/ ids?$/, "");

/** Member ids become names: the person's own plain, another member's marked. */
function memberNames(data: SubjectAccessExport): Map<string, string> {
  const names = new Map<string, string>([[data.about.memberId, data.about.name]]);
  for (const other of data.otherMembers as Record<string, unknown>[]) {
    const id = other.memberId;
    const name = other.name;
    if (isFlagged(id) && isFlagged(name)) names.set(id.value, thirdPartyMark(name.value));
  }
  return names;
}

function show(value: unknown, names: Map<string, string>): string {
  if (value === null || value === undefined) return "";
  if (isFlagged(value)) return names.get(value.value) ?? thirdPartyMark(value.value);
  if (typeof value === "string") return names.get(value) ?? value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value))
    return value
      .map((v) => show(v, names))
      .filter(Boolean)
      .join(", ");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => [words(k), show(v, names)] as const)
      .filter(([, v]) => v !== "")
      .map(([k, v]) => `${k}: ${v}`)
      .join("; ");
  }
  return String(value);
}

function fields(writer: PrintoutWriter, row: unknown, names: Map<string, string>) {
  for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
    if (hiddenKeys.has(key)) continue;
    const text = show(value, names);
    if (text !== "") writer.field(words(key), text);
  }
}

/** The subject access export as a readable PDF: the same content as the JSON, third parties marked. */
export function subjectAccessPdf(header: PrintoutHeader, data: SubjectAccessExport) {
  const names = memberNames(data);
  return makePrintout(header, (w) => {
    w.heading("About this export");
    w.field("Person", data.about.name);
    w.field("Family reference", data.about.familyReference);
    w.field("Made at", data.about.madeAt);
    w.paragraph(
      "Everything the service holds about this person: their own details, the family's records they appear in or that concern them, the shared documents, and who has read the family's records.",
    );
    w.heading("Marks for redaction review");
    w.paragraph(legend);
    w.paragraph(data.thirdParties, { muted: true });
    w.heading("Their details");
    fields(w, data.person, names);
    w.heading("The family");
    fields(w, data.family, names);
    w.heading("Other members of the family");
    w.list(data.otherMembers.map((m) => show({ ...(m as object), memberId: null }, names)));
    for (const { table, rows } of data.records) {
      w.heading(words(table));
      rows.forEach((row, i) => {
        w.heading(`${words(table)}: ${i + 1} of ${rows.length}`, 3);
        fields(w, row, names);
      });
    }
    w.heading("Shared documents");
    for (const document of data.documents) {
      w.heading(words(document.kind), 3);
      for (const [section, text] of Object.entries(document.sections as Record<string, unknown>)) {
        const shown = show(text, names);
        if (shown !== "") w.field(words(section), shown);
      }
    }
    w.heading("Who has read the family's records");
    w.list(
      data.reads.map(
        (r) => `${r.at}: ${show(r.who, names)}${r.role ? ` (${r.role})` : ""} ${r.what}`,
      ),
    );
  });
}

import PDFDocument from "pdfkit";
import { usePrintoutFonts } from "../printouts/pdf-fonts";
import type { FiguresReport } from "./figures.schema";

type Table = FiguresReport["tables"][number];
type Row = Table["rows"][number];

const page = { margin: 50, width: 595.28 };
const inner = page.width - 2 * page.margin;
const barColour = "#1d70b8";
const labelWidth = 210;
const valueWidth = 70;
const barMax = inner - labelWidth - valueWidth - 10;

/** The bar length of a shown value: percentages against 100, counts against the table's largest. */
function barLength(row: Row, largestCount: number): number {
  const value = row.total.value;
  if (value === null || value <= 0) return 0;
  if (row.unit === "percent") return (barMax * Math.min(value, 100)) / 100;
  if (row.unit === "count" && largestCount > 0) return (barMax * value) / largestCount;
  return 0;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - page.margin) doc.addPage();
}

function drawChart(doc: PDFKit.PDFDocument, table: Table) {
  const largestCount = Math.max(
    0,
    ...table.rows.filter((r) => r.unit === "count").map((r) => r.total.value ?? 0),
  );
  for (const row of table.rows) {
    ensureRoom(doc, 18);
    const y = doc.y;
    doc.fillColor("#0b0c0c").fontSize(9).text(row.label, page.margin, y, { width: labelWidth });
    doc.text(row.total.text, page.margin + labelWidth, y, { width: valueWidth, align: "right" });
    const length = barLength(row, largestCount);
    if (length > 0) {
      doc.rect(page.margin + labelWidth + valueWidth + 10, y + 1, length, 8).fill(barColour);
    }
    doc.fillColor("#0b0c0c");
    doc.y = Math.max(doc.y, y + 14);
  }
}

function drawSplit(doc: PDFKit.PDFDocument, report: FiguresReport, table: Table) {
  if (report.groups.length === 0) return;
  ensureRoom(doc, 30);
  doc.moveDown(0.3).fontSize(9).fillColor("#505a5f").text("By group:", page.margin);
  for (const group of report.groups) {
    const values = table.rows
      .map((row) => `${row.label}: ${row.cells[group.key]?.text ?? "none"}`)
      .join("; ");
    ensureRoom(doc, 24);
    doc.fillColor("#0b0c0c").fontSize(8).text(`${group.label} — ${values}`, page.margin, doc.y, {
      width: inner,
    });
  }
}

/**
 * The board report: the period's figures, each section a bar chart of the
 * totals with the figures beside it, and the same figures by group.
 */
export function figuresPdf(report: FiguresReport, authorityName: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: page.margin,
    info: { Title: `Early Help figures ${report.period.from} to ${report.period.to}` },
  });
  // The authority's own words (agencies, localities) may hold letters Helvetica lacks.
  usePrintoutFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.fontSize(18).text(`${authorityName}: Early Help partnership figures`);
  doc
    .moveDown(0.3)
    .fontSize(11)
    .text(`${report.scopeName}, ${report.period.from} to ${report.period.to}`);
  doc
    .moveDown(0.3)
    .fontSize(9)
    .fillColor("#505a5f")
    .text(
      'Counts from 1 to 4 are shown as "fewer than 5", and so is any figure that would let one be ' +
        "worked out. How each figure is counted: docs/figures.md.",
    );
  for (const table of report.tables) {
    if (table.rows.length === 0) continue;
    ensureRoom(doc, 60);
    doc.moveDown(1).fillColor("#0b0c0c").fontSize(13).text(table.title, page.margin);
    doc.moveDown(0.3);
    drawChart(doc, table);
    drawSplit(doc, report, table);
  }
  doc.end();
  return done;
}

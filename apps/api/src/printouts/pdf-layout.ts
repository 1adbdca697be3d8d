import PDFDocument from "pdfkit";
import { bodyFont, boldFont, usePrintoutFonts } from "./pdf-fonts";

/** What every printout says on every page: whose it is, about which family, and when it was made. */
export interface PrintoutHeader {
  /** The document's title, also the PDF's title in a reader's window. */
  title: string;
  /** The council (local authority). */
  authorityName: string;
  /** The family's reference, e.g. EH-2026-0042. */
  familyReference: string;
  /** When the PDF was made, in words ("30 November 2026"). */
  madeOn: string;
}

const margin = { top: 72, bottom: 64, side: 56 };
const ink = "#0b0c0c";
const secondary = "#505a5f";

/**
 * The few things a printout draws, each tagged in the PDF's structure tree
 * (headings, paragraphs, lists) so a screen reader reads it in order.
 */
export class PrintoutWriter {
  private readonly root: PDFKit.PDFStructureElement;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.root = doc.struct("Document");
    doc.addStructure(this.root);
  }

  private get width() {
    return this.doc.page.width - 2 * margin.side;
  }

  /** Starts a new page when less than `height` points are left (a heading stays with its first lines). */
  private keepRoom(height: number) {
    if (this.doc.y + height > this.doc.page.height - margin.bottom) this.doc.addPage();
  }

  title(text: string) {
    this.doc.font(boldFont).fontSize(20).fillColor(ink);
    this.doc.text(text, margin.side, this.doc.y, {
      width: this.width,
      structParent: this.root,
      structType: "H1",
    });
    this.doc.moveDown(0.5);
  }

  heading(text: string, level: 2 | 3 = 2) {
    this.keepRoom(level === 2 ? 80 : 60);
    this.doc.moveDown(level === 2 ? 0.8 : 0.4);
    this.doc
      .font(boldFont)
      .fontSize(level === 2 ? 15 : 12)
      .fillColor(ink);
    this.doc.text(text, margin.side, this.doc.y, {
      width: this.width,
      structParent: this.root,
      structType: `H${level}`,
    });
    this.doc.moveDown(0.3);
  }

  /** A paragraph; each line of `text` is its own paragraph. */
  paragraph(text: string, options: { muted?: boolean; bold?: boolean } = {}) {
    this.doc
      .font(options.bold ? boldFont : bodyFont)
      .fontSize(11)
      .fillColor(options.muted ? secondary : ink);
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      this.keepRoom(16);
      this.doc.text(line, margin.side, this.doc.y, {
        width: this.width,
        structParent: this.root,
        structType: "P",
      });
      this.doc.moveDown(0.3);
    }
  }

  /** "Label: value" as one paragraph, the label in bold. */
  field(label: string, value: string) {
    this.keepRoom(16);
    this.doc.fontSize(11).fillColor(ink);
    const paragraph = this.doc.struct("P");
    this.root.add(paragraph);
    paragraph.add(
      this.doc.struct("Span", {}, () => {
        this.doc
          .font(boldFont)
          .text(`${label}: `, margin.side, this.doc.y, { width: this.width, continued: true });
        this.doc.font(bodyFont).text(value);
      }),
    );
    paragraph.end();
    this.doc.moveDown(0.2);
  }

  list(items: readonly string[]) {
    if (items.length === 0) return;
    this.keepRoom(16 * Math.min(items.length, 3));
    this.doc.font(bodyFont).fontSize(11).fillColor(ink);
    const list = this.doc.struct("L");
    this.root.add(list);
    this.doc.list([...items], margin.side + 4, this.doc.y, {
      width: this.width - 4,
      bulletRadius: 2,
      textIndent: 12,
      paragraphGap: 3,
      structParent: list,
    });
    list.end();
    this.doc.moveDown(0.3);
  }

  end() {
    this.root.end();
  }
}

/** The council, the family reference and the date at the top; "Page N of M" at the bottom. */
function stampPages(doc: PDFKit.PDFDocument, header: PrintoutHeader) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const width = doc.page.width - 2 * margin.side;
    // Writing in the margins must not start another page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font(bodyFont).fontSize(9).fillColor(secondary);
    doc.text(
      `${header.authorityName} · Family reference ${header.familyReference} · Made on ${header.madeOn}`,
      margin.side,
      32,
      { width, lineBreak: false },
    );
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, margin.side, doc.page.height - 40, {
      width,
      align: "right",
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/**
 * An A4 printout: tagged (title shown in the reader, English), with the
 * header and page numbers on every page. `draw` writes the body.
 */
export function makePrintout(
  header: PrintoutHeader,
  draw: (writer: PrintoutWriter) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: margin.top, bottom: margin.bottom, left: margin.side, right: margin.side },
    bufferPages: true,
    tagged: true,
    pdfVersion: "1.7",
    lang: "en-GB",
    displayTitle: true,
    info: { Title: header.title, Author: header.authorityName, Subject: header.familyReference },
  });
  usePrintoutFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const writer = new PrintoutWriter(doc);
  writer.title(header.title);
  draw(writer);
  writer.end();
  stampPages(doc, header);
  doc.end();
  return done;
}

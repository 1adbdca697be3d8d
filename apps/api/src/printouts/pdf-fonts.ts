import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The printouts' typeface: DejaVu Sans, embedded (pdfkit keeps only the
 * glyphs a document uses). pdfkit's built-in Helvetica has Western European
 * letters only, so a family named Łukasz, Nguyễn or Ioniță, a Welsh place
 * such as Llanfair Pwllgwyngyll with ŵ or ŷ, or words in Greek or Cyrillic
 * would print wrongly. Read once, on the first printout.
 */
let fonts: { regular: Buffer; bold: Buffer } | null = null;

function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

export const bodyFont = "Body";
export const boldFont = "Body-Bold";

/** Makes `bodyFont` and `boldFont` available in the document and starts it in the body font. */
export function usePrintoutFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = loadFonts();
  doc.registerFont(bodyFont, regular);
  doc.registerFont(boldFont, bold);
  doc.font(bodyFont);
}

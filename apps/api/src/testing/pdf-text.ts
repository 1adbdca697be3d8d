import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfText {
  /** Each page's text, words joined by spaces, in reading order. */
  pages: string[];
  /** Every page's text in one string. */
  all: string;
  /** The document's title from its information dictionary. */
  title: string | null;
}

/** The text of a PDF as a reader would extract it (PDF.js, Mozilla's PDF reader). */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const words = content.items.map((item) => ("str" in item ? item.str : ""));
      pages.push(words.join(" ").replace(/\s+/g, " ").trim());
    }
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return { pages, all: pages.join("\n"), title: typeof title === "string" ? title : null };
  } finally {
    await task.destroy();
  }
}

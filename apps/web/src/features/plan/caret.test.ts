import { describe, expect, it } from "vitest";
import { readableTextOn, renderCaret } from "./caret";

function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16);
    const c = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * c((n >> 16) & 255) + 0.7152 * c((n >> 8) & 255) + 0.0722 * c(n & 255);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The realtime server's palette (apps/realtime/src/collab/awareness.ts), plus extremes.
const palette = [
  "#1d70b8",
  "#00703c",
  "#912b88",
  "#d4351c",
  "#28a197",
  "#4c2c92",
  "#b58840",
  "#5694ca",
  "#f499be",
  "#85994b",
  "#6f72af",
  "#a8200d",
  "#ffffff",
  "#000000",
  "#777777",
];

describe("caret labels", () => {
  it.each(palette)("are legible on %s (WCAG AA, 4.5:1)", (colour) => {
    expect(contrast(colour, readableTextOn(colour))).toBeGreaterThanOrEqual(4.5);
  });

  it("show the person's name on their colour, without style attributes", () => {
    const caret = renderCaret({ name: "Sam Okafor", color: "#6f72af" });
    expect(caret.textContent).toBe("Sam Okafor");
    expect(caret.style.borderColor).not.toBe("");
    expect(
      renderCaret({ name: "X", color: "red; background: url(x)" }).style.borderColor,
    ).not.toContain("url");
  });
});

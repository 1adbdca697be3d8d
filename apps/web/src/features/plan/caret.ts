/**
 * The caret and name label drawn where another person is writing. Colours
 * are set through the DOM (allowed by the content security policy, unlike
 * inline style attributes); the label's text is black or white, whichever
 * reads better on the person's colour.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color =
    typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : "#1d70b8";
  const name = typeof user.name === "string" ? user.name : "Someone";
  const caret = document.createElement("span");
  caret.className = "app-caret";
  caret.style.borderColor = color;
  const label = document.createElement("span");
  label.className = "app-caret__label";
  label.style.backgroundColor = color;
  label.style.color = readableTextOn(color);
  label.textContent = name;
  caret.append(label);
  return caret;
}

/** A class only: decorations' style attributes would be refused by the CSP. */
export function renderSelection(): { class: string } {
  return { class: "app-caret-selection" };
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

/**
 * White or black, whichever has the higher contrast ratio on `background`:
 * for any colour one of the two reaches at least 4.58:1 (pure black is
 * needed for that; the server's palette has mid-tones where neither white nor
 * GOV.UK's near-black reaches 4.5:1).
 */
export function readableTextOn(background: string): string {
  const l = luminance(background);
  const withWhite = 1.05 / (l + 0.05);
  const withBlack = (l + 0.05) / 0.05;
  return withWhite >= withBlack ? "#ffffff" : "#000000";
}

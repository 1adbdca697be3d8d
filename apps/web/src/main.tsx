import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import "./styles/app.scss";

// GOV.UK Frontend's styles for scripted pages (its template sets these with an inline script).
document.body.classList.add("js-enabled", "govuk-frontend-supported");

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element.");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The page shown when Atrium cannot start: plain DOM (no React, which may be what failed) and
// text only, so nothing from a broken config or server can inject markup.
import { t } from "../i18n/atriumI18n";
import { describeError, StartupError } from "./StartupError";

export function showStartupError(error: unknown, brand = "Atrium", root: HTMLElement = document.body): void {
    const startupError = error instanceof StartupError ? error : new StartupError("app", describeError(error), error);
    const page = document.createElement("main");
    page.className = "atrium_StartupError";
    page.setAttribute("role", "alert");

    const title = document.createElement("h1");
    title.textContent = t(`startup.title`, { brand });
    const summary = document.createElement("p");
    summary.textContent = t(`startup.${startupError.kind}`, { brand });
    const details = document.createElement("details");
    const detailsLabel = document.createElement("summary");
    detailsLabel.textContent = t("startup.details");
    const detailText = document.createElement("pre");
    detailText.textContent = startupError.detail;
    details.append(detailsLabel, detailText);
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = t("startup.reload");
    reload.addEventListener("click", () => window.location.reload());

    page.append(title, summary, details, reload);
    root.replaceChildren(page);
    reload.focus();
}

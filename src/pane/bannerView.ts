/**
 * The banner region: what to do when there is no template (the insert form, or the template
 * file on hosts that cannot insert), when sheets were deleted (恢复), when nobody has typed
 * yet (where to start), or when only the registers were typed into (按台账填写). What the clerk
 * typed in the form survives re-renders.
 */
import type { TemplateRole } from "../workbook/port";
import { SHEET_NAMES } from "../template/messages";
import { linkButton } from "./controls";
import { h, icon, replace } from "./dom";
import type { TemplateBanner } from "./state";
import { S } from "./strings";

export interface BannerHandlers {
  insert(form: { agency: string; year: number }): void;
  select(cells: string[]): void;
  restore(roles: TemplateRole[]): void;
  openLink(href: string, ev: Event): void;
  /** 按台账填写表三/表四 (the banner of a workbook where only the registers were typed into). */
  ledgerFill(): void;
}

export interface BannerOptions {
  years: number[];
  defaultYear: number;
  templateUrl: string;
}

export interface BannerView {
  root: HTMLElement;
  update(b: TemplateBanner, busy: boolean, formError: string | null): void;
  /** The insert form's values (the toolbar's 插入模板 uses them too), or the defaults. */
  readForm(): { agency: string; year: number };
}

export function createBannerView(handlers: BannerHandlers, options: BannerOptions, announce: (kind: "status" | "alert", text: string) => void): BannerView {
  const bannerSlot = h("div", { class: "banner-slot" });
  let signature = "";
  let agencyInput: HTMLInputElement | null = null;
  let yearSelect: HTMLSelectElement | null = null;
  let lastAgency = "";
  function readForm(): { agency: string; year: number } {
    const agency = agencyInput?.value.trim() ?? lastAgency;
    const year = yearSelect ? Number(yearSelect.value) : options.defaultYear;
    return { agency, year };
  }

  function update(b: TemplateBanner, busy: boolean, formError: string | null): void {
    const sig = JSON.stringify([b, busy, formError]);
    if (sig === signature) return;
    signature = sig;
    // Keep what the clerk typed when the banner is rebuilt (and focus, if it was in the form).
    const hadFocus = (document.activeElement as HTMLElement | null)?.id ?? "";
    if (agencyInput) lastAgency = agencyInput.value;
    const lastYear = yearSelect?.value;
    agencyInput = null;
    yearSelect = null;
    if (!b) return replace(bannerSlot);

    if (b.kind === "start") {
      const card = h(
        "section",
        { class: "card banner start", attrs: { "aria-labelledby": "start-title", "data-banner": "start" } },
        h("h2", { class: "card-title", id: "start-title", tabIndex: -1 }, icon("info"), S.template.startTitle),
        b.agencyMissing ? h("p", { class: "card-body" }, S.template.startAgency) : null,
        h("ol", { class: "start-steps card-body" }, ...S.template.startSteps.map((t) => h("li", {}, t))),
        h("p", { class: "field-hint" }, S.template.startHint),
        h("button", { type: "button", class: "btn btn-secondary", attrs: { "data-action": "start-cover" }, on: { click: () => handlers.select(["META.AGENCY"]) } }, icon("target"), h("span", { class: "btn-label" }, S.template.startGo)),
      );
      return replace(bannerSlot, card);
    }

    if (b.kind === "ledgerOnly") {
      const card = h(
        "section",
        { class: "card banner start", attrs: { "aria-labelledby": "start-title", "data-banner": "ledgerOnly" } },
        h("h2", { class: "card-title", id: "start-title", tabIndex: -1 }, icon("info"), S.template.ledgerOnlyTitle(b.applications, b.cases)),
        h("p", { class: "card-body" }, S.template.ledgerOnlyBody(b.tables)),
        h(
          "button",
          { type: "button", class: "btn btn-primary", disabled: busy, attrs: { "data-action": "banner-ledger-fill" }, on: { click: () => handlers.ledgerFill() } },
          icon("table"),
          h("span", { class: "btn-label" }, S.ledger.fillShort),
        ),
      );
      return replace(bannerSlot, card);
    }

    if (b.kind === "damaged") {
      const names = b.roles.map((r) => SHEET_NAMES[r] ?? r).join("、");
      const card = h(
        "section",
        { class: "card banner", attrs: { "aria-labelledby": "banner-title", "data-banner": "damaged" } },
        h("h2", { class: "card-title", id: "banner-title", tabIndex: -1 }, icon("table"), S.template.damagedTitle),
        h("p", { class: "card-body" }, S.template.damagedBody(names)),
        b.canRestore
          ? h(
              "button",
              { type: "button", class: "btn btn-primary", disabled: busy, attrs: { "data-action": "restore-sheets" }, on: { click: () => handlers.restore(b.roles) } },
              icon("add"),
              h("span", { class: "btn-label" }, S.actions.restore(names)),
            )
          : h("p", { class: "card-body" }, S.template.damagedNoRestore),
        b.canRestore ? null : linkButton(options.templateUrl, S.actions.downloadTemplate, "政务公开年报模板.xlsx", handlers.openLink),
      );
      return replace(bannerSlot, card);
    }

    const card = h("section", { class: "card banner", attrs: { "aria-labelledby": "banner-title", "data-banner": b.kind } });
    card.append(h("h2", { class: "card-title", id: "banner-title", tabIndex: -1 }, icon("table"), S.template.missingTitle), h("p", { class: "card-body" }, S.template.missingBody));

    if (b.canInsert) {
      agencyInput = h("input", {
        class: "input",
        id: "agency-input",
        type: "text",
        attrs: {
          placeholder: S.template.agencyPlaceholder,
          autocomplete: "organization",
          maxlength: 60,
          required: true,
          "aria-invalid": formError ? "true" : null,
          "aria-describedby": formError ? "agency-error" : null,
        },
      });
      agencyInput.value = lastAgency;
      yearSelect = h("select", { class: "select", id: "year-select" });
      for (const y of options.years) {
        const o = h("option", { attrs: { value: String(y) } }, `${y} 年度`);
        if (String(y) === (lastYear ?? String(options.defaultYear))) o.selected = true;
        yearSelect.append(o);
      }
      const form = h(
        "form",
        {
          class: "insert-form",
          attrs: { novalidate: true },
          on: {
            submit: (ev) => {
              ev.preventDefault();
              handlers.insert(readForm());
            },
          },
        },
        h("label", { class: "field-label", attrs: { for: "agency-input" } }, S.template.agencyLabel),
        agencyInput,
        formError ? h("p", { class: "field-error error-text", id: "agency-error" }, formError) : null,
        h("label", { class: "field-label", attrs: { for: "year-select" } }, S.template.yearLabel),
        yearSelect,
        h(
          "button",
          { type: "submit", class: "btn btn-primary", disabled: busy, attrs: { "data-action": "insert-form" } },
          icon("add"),
          h("span", { class: "btn-label" }, S.actions.insertLong),
        ),
      );
      card.append(form);
    } else {
      card.append(
        h("p", { class: "card-title small" }, S.template.unsupportedTitle),
        h("p", { class: "card-body" }, S.template.unsupportedBody),
        linkButton(options.templateUrl, S.actions.downloadTemplate, "政务公开年报模板.xlsx", handlers.openLink),
      );
    }
    replace(bannerSlot, card);
    if (formError && agencyInput) {
      announce("alert", formError);
      agencyInput.focus();
    } else if (hadFocus) bannerSlot.querySelector<HTMLElement>(`#${CSS.escape(hadFocus)}`)?.focus();
  }

  return { root: bannerSlot, update, readForm };
}

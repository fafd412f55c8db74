#!/usr/bin/env node
/**
 * Renders the ribbon and add-in icons (16/32/64/80 px PNG) from the SVG drawings below with the
 * system Chromium, so the PNGs in assets/ are reproducible: `node assets/icons/render.js`.
 *
 * The motif is a 红头 document (the red title bar every Chinese government document carries) with
 * table rules, plus a badge: a green check for the assistant pane, a blue plus for "insert template".
 * 16 px gets its own pixel-aligned drawing because scaled-down detail turns to mush.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const OUT = path.resolve(__dirname, "..");
const RED = "#C50F1F"; // Fluent "red" (danger foreground) — the 红头 bar
const GREEN = "#107C41"; // Excel green — "checked"
const BLUE = "#0F6CBD"; // Fluent brand blue — "add"
const INK = "#616161"; // Fluent neutral stroke

function badge(kind, cx, cy, r, stroke) {
  const color = kind === "check" ? GREEN : BLUE;
  const s = r * 0.55;
  const mark =
    kind === "check"
      ? `<path d="M${cx - s * 0.95} ${cy + s * 0.05} L${cx - s * 0.25} ${cy + s * 0.75} L${cx + s * 0.95} ${cy - s * 0.6}" fill="none" stroke="#fff" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/>`
      : `<path d="M${cx} ${cy - s} V${cy + s} M${cx - s} ${cy} H${cx + s}" stroke="#fff" stroke-width="${stroke}" stroke-linecap="round"/>`;
  return `<circle cx="${cx}" cy="${cy}" r="${r + 1}" fill="#fff"/><circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}"/>${mark}`;
}

/** 32-unit drawing, scaled for 32, 64 and 80 px. */
function large(kind) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect x="4.5" y="2.5" width="20" height="26" rx="2" fill="#fff" stroke="${INK}"/>
  <rect x="7" y="5" width="15" height="3" rx="0.5" fill="${RED}"/>
  <rect x="7" y="9" width="15" height="1" fill="${RED}"/>
  <g stroke="${INK}" stroke-width="1" fill="none">
    <rect x="7.5" y="12.5" width="14" height="12"/>
    <path d="M7.5 16.5 H21.5 M7.5 20.5 H21.5 M11.5 12.5 V24.5"/>
  </g>
  ${badge(kind, 23.5, 23.5, 6.5, 1.8)}
</svg>`;
}

/** 16 px: whole-pixel rectangles, no table grid, bigger badge. */
function small(kind) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" shape-rendering="crispEdges">
  <rect x="1.5" y="0.5" width="10" height="14" fill="#fff" stroke="${INK}"/>
  <rect x="3" y="2" width="7" height="2" fill="${RED}"/>
  <rect x="3" y="6" width="7" height="1" fill="${INK}"/>
  <rect x="3" y="9" width="5" height="1" fill="${INK}"/>
  <g shape-rendering="geometricPrecision">${badge(kind, 11.5, 11.5, 4, 1.3)}</g>
</svg>`;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [kind, name] of [
      ["check", "icon"],
      ["plus", "insert"],
    ]) {
      for (const size of [16, 32, 64, 80]) {
        const svg = size === 16 ? small(kind) : large(kind);
        await page.setContent(
          `<html><body style="margin:0;background:transparent"><div style="width:${size}px;height:${size}px">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</div></body></html>`,
        );
        const file = path.join(OUT, `${name}-${size}.png`);
        fs.writeFileSync(file, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
        console.log(file);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// Makes the WOFF2 files in site/static/fonts/ (see site/static/fonts/README.md) from the Noto fonts packaged by
// Fontsource, with harfbuzz's subsetter. Not part of the build: run it again only to change what the files cover.
//
//   cd "$(mktemp -d)" && npm install @fontsource/noto-sans-ethiopic@5 @fontsource/noto-sans-arabic@5 subset-font@2.9.0
//   cp /path/to/scripts/subset_fonts.mjs . && node subset_fonts.mjs /path/to/site/static/fonts
//
// The ranges here must match the unicode-range of each @font-face in site/static/css/site.css.
import fs from "node:fs";
import path from "node:path";
import subsetFont from "subset-font";

const fontsource = "node_modules/@fontsource";
const ethiopic = `${fontsource}/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2`;
const arabic = `${fontsource}/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2`;

// The native name of Tigrinya in the language switcher (home/languages.py), so that a page in English shows "ትግርኛ"
// without downloading a whole script. (Arabic-script names are left to the device's fonts: every phone and computer
// has one for Arabic script; a font of just those names would weigh 5 KB.)
const NAMES_ETHIOPIC = "ትግርኛ";

function range(from, to) {
  let text = "";
  for (let code = from; code <= to; code++) text += String.fromCodePoint(code);
  return text;
}

const files = {
  // The Ethiopic block but its numerals (rare in Tigrinya today; 3 KB): every syllable of Tigrinya and Amharic,
  // Ethiopic punctuation.
  "noto-sans-ethiopic-400.woff2": [ethiopic, range(0x1200, 0x1368)],
  // The Arabic block: Arabic, Persian, Sorani and Pashto letters, digits and punctuation; ZWNJ and ZWJ.
  "noto-sans-arabic-400.woff2": [arabic, range(0x0600, 0x06ff) + range(0x200c, 0x200d)],
  "language-names-ethiopic.woff2": [ethiopic, NAMES_ETHIOPIC],
};

const target = process.argv[2];
for (const [name, [source, text]] of Object.entries(files)) {
  const woff2 = await subsetFont(fs.readFileSync(source), text, { targetFormat: "woff2" });
  fs.writeFileSync(path.join(target, name), woff2);
  console.log(name, woff2.length);
}

#!/bin/sh
# Regenerates the Italian cut of Titillium Web's four upright weights that Bootstrap Italia's pages
# use, from typeface-titillium-web's Latin files, with fonttools' subset (Debian: python3-fonttools
# python3-brotli). Kerning and every layout feature are kept: the text looks the same. A character
# outside this set comes from the package's whole Latin file (titillium-web.css, unicode-range).
set -eu
here=$(dirname "$0")
files="$here/../../../node_modules/typeface-titillium-web/files"
# ASCII, the accented letters of Italian (and of the names most met in Italy), guillemets, degree,
# middle dot, dashes, curly quotes, bullet, ellipsis, euro.
unicodes="U+0020-007E,U+00A0,U+00AA,U+00AB,U+00B0,U+00B7,U+00BA,U+00BB,U+00C0,U+00C1,U+00C4,U+00C7-00C9,U+00CC,U+00CD,U+00D1-00D3,U+00D6,U+00D9,U+00DA,U+00DC,U+00E0,U+00E1,U+00E4,U+00E7-00E9,U+00EC,U+00ED,U+00F1-00F3,U+00F6,U+00F9,U+00FA,U+00FC,U+2013,U+2014,U+2018,U+2019,U+201C,U+201D,U+2022,U+2026,U+20AC"
for weight in 300 400 600 700; do
  "${PYTHON:-python3}" -m fontTools.subset "$files/titillium-web-latin-$weight.woff2" --unicodes="$unicodes" --layout-features='*' \
    --flavor=woff2 --output-file="$here/titillium-web-italian-$weight.woff2"
done

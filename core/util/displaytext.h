#pragma once

#include <QString>

// Text that Umbra did not write — names from libvirt, exporter pages, CSV
// files, URIs typed by an operator — is shown and printed as data: one line,
// no control characters, no bidirectional overrides that would turn it round
// on screen, and bounded in length.
namespace Umbra::DisplayText {

// `text` with control and bidirectional formatting characters written as
// \xNN or \u{NNNN}, cut to `maxChars` characters with an ellipsis.
QString quote(const QString &text, int maxChars = 200);

// Whether `text` holds characters that quote() would escape.
bool hasControlCharacters(const QString &text);

} // namespace Umbra::DisplayText

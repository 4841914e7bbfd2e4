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

// An error message from a parser (libvirt's XML errors come from libxml2)
// without the excerpt it quotes: the offending line of the file and a caret
// under it. That line can be anything the file holds — a password hash, when
// the test driver is pointed at /etc/shadow — so it is never shown. The
// rest goes through quote().
QString errorMessage(const QString &message, int maxChars = 500);

// Whether `text` holds characters that quote() would escape.
bool hasControlCharacters(const QString &text);

} // namespace Umbra::DisplayText

#pragma once

#include <QString>

namespace Umbra::TlsDiagnosis {

// libvirt says only "Failed to verify peer's certificate" when a qemu+tls://
// host's certificate is not acceptable; the reason goes to its log. This
// makes the same TLS handshake with the same files — the URI's `pkipath`, or
// libvirt's default places — and says what is wrong in an operator's words:
// a certificate from a CA this console does not trust, one that names
// another host, one out of its dates, or a missing file. Empty when the
// handshake succeeds or the URI is not TLS. Blocks for up to `timeoutMs`;
// call it on a host session's thread.
QString explain(const QString &uri, int timeoutMs = 5000);

} // namespace Umbra::TlsDiagnosis

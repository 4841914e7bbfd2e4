#pragma once

#include <QList>
#include <QString>

namespace Umbra {

// A libvirt authentication request (virConnectCredential) in Qt terms.
struct CredentialField
{
    int type = 0; // VIR_CRED_*
    QString prompt;
    QString challenge;
    QString defaultResult;
    QString result;
    bool secret = false; // passphrase-like: never echo, never log
};

// Answers libvirt's auth callback. Called on a host session's thread, which may
// block while the operator types; it must never be called on the GUI thread.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;
    // Fill in each field's result; return false when the operator cancels.
    virtual bool provide(const QString &uri, QList<CredentialField> &fields) = 0;
};

} // namespace Umbra

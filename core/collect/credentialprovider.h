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

// What one connection attempt to a host asks for, and what came back.
struct CredentialRequest
{
    QString uri;
    QList<CredentialField> fields;
    // A keyring is there to keep the answers past this run.
    bool canRemember = false;
    // The operator chose to keep them there.
    bool remember = false;
};

// Answers libvirt's auth callback. Called on a host session's thread, which may
// block while the operator types; it must never be called on the GUI thread.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;
    // Fill in each field's result; return false when the operator cancels.
    virtual bool provide(CredentialRequest &request) = 0;
    // The host let the session in with what provide() answered last.
    virtual void accepted(const QString &uri) { Q_UNUSED(uri); }
    // The host turned what provide() answered last down: it must not be
    // offered again by itself.
    virtual void rejected(const QString &uri) { Q_UNUSED(uri); }
    // The operator asked to connect again: a login cancelled before may be
    // asked for once more.
    virtual void askAgain(const QString &uri) { Q_UNUSED(uri); }
};

} // namespace Umbra

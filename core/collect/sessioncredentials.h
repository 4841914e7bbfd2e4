#pragma once

#include "collect/credentialprovider.h"

#include <QHash>
#include <QMutex>

namespace Umbra {

// Answers libvirt's auth callback from what came with a host's URI — a user
// name and, for this run only, a password that Umbra never stores — and asks
// the fallback (the console's login dialog) for anything else. Called on the
// host sessions' threads.
class SessionCredentials : public CredentialProvider
{
public:
    void setFallback(CredentialProvider *fallback);
    void remember(const QString &uri, const QString &user, const QString &password);

    bool provide(const QString &uri, QList<CredentialField> &fields) override;

private:
    struct Login
    {
        QString user;
        QString password;
    };
    QMutex m_mutex;
    QHash<QString, Login> m_logins;
    CredentialProvider *m_fallback = nullptr;
};

} // namespace Umbra

#pragma once

#include "collect/credentialprovider.h"

#include <QHash>
#include <QMutex>
#include <QSet>

namespace Umbra {

class SecretStore;

// Answers libvirt's auth callback, in this order: what came with a host's
// URI or was typed in this run (kept in memory only), what the operator
// chose to remember in the desktop keyring, and last the fallback (the
// console's login dialog). A login the host turns down is not offered again
// by itself. Typed answers the operator asked to remember go to the keyring
// only once the host has accepted them. Called on the host sessions' threads.
class SessionCredentials : public CredentialProvider
{
public:
    void setFallback(CredentialProvider *fallback);
    // Where remembered logins are kept; none without one.
    void setSecretStore(SecretStore *secrets);
    void remember(const QString &uri, const QString &user, const QString &password);
    // Removes the host's login from this run and from the keyring (on a
    // worker thread: the keyring may take its time).
    void forget(const QString &uri);

    bool provide(CredentialRequest &request) override;
    void accepted(const QString &uri) override;
    void rejected(const QString &uri) override;
    void askAgain(const QString &uri) override;
    // Whether the operator cancelled this host's login; retries do not ask
    // again until askAgain().
    bool cancelled(const QString &uri) const;

    // The keyring account that holds a host's login.
    static QString account(const QString &uri);

private:
    struct Login
    {
        QString user;
        QString password;
    };
    enum class Source { Memory, Keyring, Operator };

    static bool fill(const Login &login, QList<CredentialField> &fields);
    static Login loginOf(const QList<CredentialField> &fields);
    std::optional<Login> keyringLogin(const QString &uri);

    mutable QMutex m_mutex;
    QHash<QString, Login> m_logins; // this run's: from the URI or typed in
    QHash<QString, Login> m_toRemember; // typed in with "remember", until accepted
    QHash<QString, Source> m_lastSource; // of the last answer, by host
    QSet<QString> m_keyringTurnedDown; // hosts that refused the keyring's login
    QSet<QString> m_cancelled; // hosts whose login the operator cancelled
    CredentialProvider *m_fallback = nullptr;
    SecretStore *m_secrets = nullptr;
};

} // namespace Umbra

#include "collect/sessioncredentials.h"

#include "collect/secretstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>
#include <libvirt/libvirt.h>

Q_LOGGING_CATEGORY(lcCredentials, "umbra.credentials")

namespace Umbra {

namespace {

bool asksName(const CredentialField &field)
{
    return field.type == VIR_CRED_AUTHNAME || field.type == VIR_CRED_USERNAME;
}

} // namespace

void SessionCredentials::setFallback(CredentialProvider *fallback)
{
    QMutexLocker lock(&m_mutex);
    m_fallback = fallback;
}

void SessionCredentials::setSecretStore(SecretStore *secrets)
{
    QMutexLocker lock(&m_mutex);
    m_secrets = secrets;
}

void SessionCredentials::remember(const QString &uri, const QString &user, const QString &password)
{
    QMutexLocker lock(&m_mutex);
    m_logins.insert(uri, Login{ user, password });
}

void SessionCredentials::forget(const QString &uri)
{
    QMutexLocker lock(&m_mutex);
    m_logins.remove(uri);
    m_toRemember.remove(uri);
    m_lastSource.remove(uri);
    m_cancelled.remove(uri);
    if (SecretStore *secrets = m_secrets) {
        // Fire and forget: a keyring that cannot be reached has nothing to remove.
        (void)QtConcurrent::run([secrets, account = account(uri)] {
            if (auto removed = secrets->remove(account); !removed)
                qCWarning(lcCredentials).noquote() << removed.error();
        });
    }
}

QString SessionCredentials::account(const QString &uri)
{
    return QStringLiteral("libvirt ") + uri;
}

bool SessionCredentials::fill(const Login &login, QList<CredentialField> &fields)
{
    bool answered = true;
    for (CredentialField &field : fields) {
        if (asksName(field) && !login.user.isEmpty())
            field.result = login.user;
        else if (field.secret && !login.password.isEmpty())
            field.result = login.password;
        else
            answered = false;
    }
    return answered;
}

SessionCredentials::Login SessionCredentials::loginOf(const QList<CredentialField> &fields)
{
    Login login;
    for (const CredentialField &field : fields) {
        if (asksName(field) && login.user.isEmpty())
            login.user = field.result;
        else if (field.secret && login.password.isEmpty())
            login.password = field.result;
    }
    return login;
}

std::optional<SessionCredentials::Login> SessionCredentials::keyringLogin(const QString &uri)
{
    SecretStore *secrets = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        if (m_keyringTurnedDown.contains(uri))
            return std::nullopt;
        secrets = m_secrets;
    }
    if (!secrets)
        return std::nullopt;
    auto stored = secrets->read(account(uri));
    if (!stored) {
        // Said without the host's answer to anything: there is none yet.
        qCWarning(lcCredentials).noquote() << stored.error();
        return std::nullopt;
    }
    if (stored.value().isEmpty())
        return std::nullopt;
    const QJsonObject login = QJsonDocument::fromJson(stored.value().toUtf8()).object();
    return Login{ login.value(QLatin1String("user")).toString(),
                  login.value(QLatin1String("password")).toString() };
}

bool SessionCredentials::provide(CredentialRequest &request)
{
    const QString &uri = request.uri;
    CredentialProvider *fallback = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        // A cancelled dialog is the operator's answer; the session's
        // retries must not bring it back every few seconds.
        fallback = m_cancelled.contains(uri) ? nullptr : m_fallback;
        request.canRemember = m_secrets != nullptr;
        if (const auto login = m_logins.constFind(uri);
            login != m_logins.constEnd() && fill(*login, request.fields)) {
            m_lastSource.insert(uri, Source::Memory);
            return true;
        }
    }
    if (const auto login = keyringLogin(uri); login && fill(*login, request.fields)) {
        QMutexLocker lock(&m_mutex);
        m_lastSource.insert(uri, Source::Keyring);
        return true;
    }

    // The dialog sees what is known already as its defaults.
    for (CredentialField &field : request.fields)
        if (!field.result.isEmpty() && !field.secret)
            field.defaultResult = field.result;
    if (!fallback)
        return false;
    if (!fallback->provide(request)) {
        QMutexLocker lock(&m_mutex);
        m_cancelled.insert(uri);
        return false;
    }

    QMutexLocker lock(&m_mutex);
    const Login typed = loginOf(request.fields);
    m_logins.insert(uri, typed);
    m_lastSource.insert(uri, Source::Operator);
    if (request.remember && m_secrets)
        m_toRemember.insert(uri, typed);
    else
        m_toRemember.remove(uri);
    return true;
}

void SessionCredentials::accepted(const QString &uri)
{
    std::optional<Login> keep;
    SecretStore *secrets = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_toRemember.constFind(uri); it != m_toRemember.constEnd())
            keep = *it;
        m_toRemember.remove(uri);
        m_keyringTurnedDown.remove(uri);
        secrets = m_secrets;
    }
    if (!keep || !secrets)
        return;
    const QJsonObject login{ { QStringLiteral("user"), keep->user },
                             { QStringLiteral("password"), keep->password } };
    const auto written = secrets->write(
        account(uri), QString::fromUtf8(QJsonDocument(login).toJson(QJsonDocument::Compact)));
    if (!written)
        qCWarning(lcCredentials).noquote() << written.error();
}

void SessionCredentials::askAgain(const QString &uri)
{
    QMutexLocker lock(&m_mutex);
    m_cancelled.remove(uri);
}

bool SessionCredentials::cancelled(const QString &uri) const
{
    QMutexLocker lock(&m_mutex);
    return m_cancelled.contains(uri);
}

void SessionCredentials::rejected(const QString &uri)
{
    QMutexLocker lock(&m_mutex);
    switch (m_lastSource.value(uri, Source::Memory)) {
    case Source::Keyring:
        // Kept in the keyring: a password changed since. The operator's next
        // answer, when remembered, replaces it.
        m_keyringTurnedDown.insert(uri);
        break;
    case Source::Memory:
    case Source::Operator:
        m_logins.remove(uri);
        m_toRemember.remove(uri);
        break;
    }
}

} // namespace Umbra

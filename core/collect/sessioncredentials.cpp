#include "collect/sessioncredentials.h"

#include <libvirt/libvirt.h>

namespace Umbra {

void SessionCredentials::setFallback(CredentialProvider *fallback)
{
    QMutexLocker lock(&m_mutex);
    m_fallback = fallback;
}

void SessionCredentials::remember(const QString &uri, const QString &user, const QString &password)
{
    QMutexLocker lock(&m_mutex);
    m_logins.insert(uri, Login{ user, password });
}

bool SessionCredentials::provide(const QString &uri, QList<CredentialField> &fields)
{
    CredentialProvider *fallback = nullptr;
    bool answered = true;
    {
        QMutexLocker lock(&m_mutex);
        fallback = m_fallback;
        const auto login = m_logins.constFind(uri);
        for (CredentialField &field : fields) {
            const bool asksName
                = field.type == VIR_CRED_AUTHNAME || field.type == VIR_CRED_USERNAME;
            const bool asksSecret
                = field.type == VIR_CRED_PASSPHRASE || field.type == VIR_CRED_NOECHOPROMPT;
            if (login != m_logins.constEnd() && asksName && !login->user.isEmpty())
                field.result = login->user;
            else if (login != m_logins.constEnd() && asksSecret && !login->password.isEmpty())
                field.result = login->password;
            else
                answered = false;
        }
    }
    if (answered)
        return true;
    // The dialog sees what is known already as its defaults.
    for (CredentialField &field : fields)
        if (!field.result.isEmpty() && !field.secret)
            field.defaultResult = field.result;
    return fallback && fallback->provide(uri, fields);
}

} // namespace Umbra

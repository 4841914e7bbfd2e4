#include "collect/sharedconnection.h"

#include <QHash>
#include <QMutex>

namespace Umbra::SharedConnection {

namespace {

struct Shared
{
    virConnectPtr connection = nullptr;
    int users = 0;
};

QMutex &mutex()
{
    static QMutex m;
    return m;
}

QHash<QString, Shared> &byUri()
{
    static QHash<QString, Shared> shared;
    return shared;
}

bool shareable(const QString &uri)
{
    return uri.startsWith(QLatin1String("test:///")) && uri != QLatin1String("test:///default");
}

} // namespace

virConnectPtr open(const QString &uri, virConnectAuthPtr auth)
{
    if (!shareable(uri))
        return virConnectOpenAuth(uri.toUtf8().constData(), auth, 0);
    QMutexLocker lock(&mutex());
    Shared &shared = byUri()[uri];
    if (shared.connection) {
        virConnectRef(shared.connection);
        ++shared.users;
        return shared.connection;
    }
    shared.connection = virConnectOpenAuth(uri.toUtf8().constData(), auth, 0);
    if (!shared.connection) {
        byUri().remove(uri);
        return nullptr;
    }
    shared.users = 1;
    return shared.connection;
}

void close(virConnectPtr connection)
{
    if (!connection)
        return;
    {
        QMutexLocker lock(&mutex());
        for (auto it = byUri().begin(); it != byUri().end(); ++it) {
            if (it->connection != connection)
                continue;
            if (--it->users == 0)
                byUri().erase(it);
            break;
        }
    }
    virConnectClose(connection);
}

} // namespace Umbra::SharedConnection

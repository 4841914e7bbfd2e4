#include "fleet/hosturi.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace Umbra::HostUri {

namespace {

// lupdate and the runtime must agree on the context of these strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::HostUri)
};

const QStringList &knownSchemes()
{
    static const QStringList schemes{
        QStringLiteral("test"),        QStringLiteral("qemu"),         QStringLiteral("qemu+ssh"),
        QStringLiteral("qemu+tcp"),    QStringLiteral("qemu+tls"),     QStringLiteral("qemu+unix"),
        QStringLiteral("qemu+libssh"), QStringLiteral("qemu+libssh2"),
    };
    return schemes;
}

} // namespace

Result<QString> validate(const QString &input)
{
    const QString uri = input.trimmed();
    if (uri.isEmpty())
        return Error{ Tr::tr("Enter a libvirt URI, for example qemu:///system.") };

    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || !uri.contains(QLatin1String("://")))
        return Error{ Tr::tr("“%1” is not a libvirt URI. Expected a form like qemu:///system or "
                             "qemu+ssh://user@host/system.")
                          .arg(uri) };

    const QString scheme = url.scheme().toLower();
    if (!knownSchemes().contains(scheme))
        return Error{ Tr::tr("“%1” uses the transport “%2”, which Umbra does not manage. Use test, "
                             "qemu, qemu+ssh, qemu+tcp or qemu+tls.")
                          .arg(uri, scheme) };

    const bool remote = scheme.contains(QLatin1Char('+')) && scheme != QLatin1String("qemu+unix");
    if (remote && url.host().isEmpty())
        return Error{ Tr::tr("“%1” needs a host name, for example %2://host.example.org/system.")
                          .arg(uri, scheme) };
    if (!remote && !url.host().isEmpty() && scheme == QLatin1String("test"))
        return Error{ Tr::tr("“%1”: the test driver takes no host; use test:///default or "
                             "test:///absolute/path/fleet.xml.")
                          .arg(uri) };

    if (scheme.startsWith(QLatin1String("qemu"))) {
        const QString path = url.path();
        if (path != QLatin1String("/system") && path != QLatin1String("/session"))
            return Error{ Tr::tr("“%1”: a QEMU URI ends in /system or /session.").arg(uri) };
    }
    if (scheme == QLatin1String("test")) {
        const QString path = url.path();
        if (path != QLatin1String("/default")) {
            const QFileInfo file(path);
            if (!file.isAbsolute() || path.size() < 2)
                return Error{ Tr::tr(
                                  "“%1”: the test driver needs /default or an absolute path to a "
                                  "fleet XML file.")
                                  .arg(uri) };
            if (!file.isFile())
                return Error{ Tr::tr("“%1”: the fleet file %2 does not exist.").arg(uri, path) };
        }
    }
    return uri;
}

QString displayName(const QString &uri)
{
    const QUrl url(uri);
    if (!url.host().isEmpty())
        return url.host();
    if (url.scheme() == QLatin1String("test")) {
        const QString path = url.path();
        if (path == QLatin1String("/default"))
            return QStringLiteral("test-default");
        return QFileInfo(path).completeBaseName();
    }
    if (url.scheme() == QLatin1String("qemu"))
        return QStringLiteral("localhost");
    return uri;
}

} // namespace Umbra::HostUri

#include "fleet/hosturi.h"

#include "util/displaytext.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>

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

// Query items that carry a credential, as exporters and proxies name them.
const QStringList &secretQueryItems()
{
    static const QStringList names{
        QStringLiteral("password"),  QStringLiteral("passwd"),       QStringLiteral("pass"),
        QStringLiteral("token"),     QStringLiteral("access_token"), QStringLiteral("secret"),
        QStringLiteral("key"),       QStringLiteral("api_key"),      QStringLiteral("apikey"),
        QStringLiteral("auth"),      QStringLiteral("bearer"),       QStringLiteral("sig"),
        QStringLiteral("signature"),
    };
    return names;
}

bool isSecretQueryItem(const QString &name)
{
    return secretQueryItems().contains(name.toLower());
}

} // namespace

QString withoutSecrets(const QString &uri)
{
    QUrl url(uri.trimmed());
    if (!url.isValid() || !hasSecrets(uri))
        return uri.trimmed();
    url.setPassword(QString());
    if (url.hasQuery()) {
        QUrlQuery query(url);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        for (const auto &item : items)
            if (isSecretQueryItem(item.first))
                query.removeAllQueryItems(item.first);
        url.setQuery(query.isEmpty() ? QString() : query.query(QUrl::FullyEncoded),
                     QUrl::StrictMode);
    }
    return url.toString(QUrl::FullyEncoded);
}

QString secret(const QString &uri)
{
    return QUrl(uri.trimmed()).password();
}

bool hasSecrets(const QString &uri)
{
    const QUrl url(uri.trimmed());
    if (!url.password().isEmpty())
        return true;
    const auto items = QUrlQuery(url).queryItems();
    return std::any_of(items.cbegin(), items.cend(),
                       [](const auto &item) { return isSecretQueryItem(item.first); });
}

QString quoted(const QString &text)
{
    QString masked = text.trimmed();
    // Also what QUrl would not parse: "scheme://user:secret@…" in any text.
    static const QRegularExpression password(QStringLiteral("(://[^/@:\\s]*):[^@/\\s]*@"));
    masked.replace(password, QStringLiteral("\\1:***@"));
    static const QRegularExpression query(
        QStringLiteral("([?&](?:%1)=)[^&#\\s]*").arg(secretQueryItems().join(QLatin1Char('|'))),
        QRegularExpression::CaseInsensitiveOption);
    masked.replace(query, QStringLiteral("\\1***"));
    return DisplayText::quote(masked);
}

Result<QString> validate(const QString &input)
{
    if (const QString clean = withoutSecrets(input); clean != input.trimmed())
        return validate(clean);
    const QString uri = input.trimmed();
    const QString shown = quoted(uri);
    if (uri.isEmpty())
        return Error{ Tr::tr("Enter a libvirt URI, for example qemu:///system.") };

    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || !uri.contains(QLatin1String("://")))
        return Error{ Tr::tr("“%1” is not a libvirt URI. Expected a form like qemu:///system or "
                             "qemu+ssh://user@host/system.")
                          .arg(shown) };

    const QString scheme = url.scheme().toLower();
    if (!knownSchemes().contains(scheme))
        return Error{ Tr::tr("“%1” uses the transport “%2”, which Umbra does not manage. Use test, "
                             "qemu, qemu+ssh, qemu+tcp or qemu+tls.")
                          .arg(shown, DisplayText::quote(scheme)) };

    const bool remote = scheme.contains(QLatin1Char('+')) && scheme != QLatin1String("qemu+unix");
    if (remote && url.host().isEmpty())
        return Error{ Tr::tr("“%1” needs a host name, for example %2://host.example.org/system.")
                          .arg(shown, DisplayText::quote(scheme)) };
    if (!remote && !url.host().isEmpty() && scheme == QLatin1String("test"))
        return Error{ Tr::tr("“%1”: the test driver takes no host; use test:///default or "
                             "test:///absolute/path/fleet.xml.")
                          .arg(shown) };

    if (scheme.startsWith(QLatin1String("qemu"))) {
        const QString path = url.path();
        if (path != QLatin1String("/system") && path != QLatin1String("/session"))
            return Error{ Tr::tr("“%1”: a QEMU URI ends in /system or /session.").arg(shown) };
    }
    if (scheme == QLatin1String("test")) {
        const QString path = url.path();
        if (path != QLatin1String("/default")) {
            const QFileInfo file(path);
            if (!file.isAbsolute() || path.size() < 2)
                return Error{ Tr::tr(
                                  "“%1”: the test driver needs /default or an absolute path to a "
                                  "fleet XML file.")
                                  .arg(shown) };
            if (!file.isFile())
                return Error{ Tr::tr("“%1”: the fleet file %2 does not exist.")
                                  .arg(shown, DisplayText::quote(path)) };
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

bool isTestDriver(const QString &uri)
{
    return uri.startsWith(QLatin1String("test://"));
}

} // namespace Umbra::HostUri

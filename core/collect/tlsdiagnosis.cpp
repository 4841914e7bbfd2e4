#include "collect/tlsdiagnosis.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>
#include <unistd.h>

namespace Umbra::TlsDiagnosis {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::TlsDiagnosis)
};

constexpr int kLibvirtTlsPort = 16514;

// Where libvirt's client reads its CA, certificate and key (libvirt's
// "TLS x509 certificate configuration": pkipath, else the user's own
// ~/.pki/libvirt when not root, else /etc/pki).
struct ClientFiles
{
    QString ca;
    QString certificate;
    QString key;
};

ClientFiles clientFiles(const QUrl &url)
{
    const QString pkipath
        = QUrlQuery(url).queryItemValue(QStringLiteral("pkipath"), QUrl::FullyDecoded);
    if (!pkipath.isEmpty()) {
        const QDir dir(pkipath);
        return { dir.filePath(QStringLiteral("cacert.pem")),
                 dir.filePath(QStringLiteral("clientcert.pem")),
                 dir.filePath(QStringLiteral("clientkey.pem")) };
    }
    const QDir own(QDir::home().filePath(QStringLiteral(".pki/libvirt")));
    if (::geteuid() != 0 && own.exists(QStringLiteral("cacert.pem")))
        return { own.filePath(QStringLiteral("cacert.pem")),
                 own.filePath(QStringLiteral("clientcert.pem")),
                 own.filePath(QStringLiteral("clientkey.pem")) };
    return { QStringLiteral("/etc/pki/CA/cacert.pem"),
             QStringLiteral("/etc/pki/libvirt/clientcert.pem"),
             QStringLiteral("/etc/pki/libvirt/private/clientkey.pem") };
}

// The names a certificate is for: its subject's common name and every DNS
// name and address among its alternative names.
QStringList namesOf(const QSslCertificate &certificate)
{
    QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
        if (!names.contains(it.value()))
            names.append(it.value());
    return names;
}

QString issuerOf(const QSslCertificate &certificate)
{
    const QStringList issuer = certificate.issuerInfo(QSslCertificate::CommonName);
    return issuer.isEmpty() ? certificate.issuerDisplayName() : issuer.join(QStringLiteral(", "));
}

} // namespace

QString explain(const QString &uri, int timeoutMs)
{
    const QUrl url(uri);
    if (!url.scheme().endsWith(QLatin1String("+tls")) || url.host().isEmpty())
        return {};
    const ClientFiles files = clientFiles(url);
    QFile caFile(files.ca);
    if (!caFile.open(QIODevice::ReadOnly))
        return Tr::tr("no CA certificate at %1 to check the host's certificate against")
            .arg(files.ca);
    const QList<QSslCertificate> trusted = QSslCertificate::fromData(caFile.readAll());
    if (trusted.isEmpty())
        return Tr::tr("%1 holds no CA certificate").arg(files.ca);

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(trusted);
    QFile certificateFile(files.certificate);
    QFile keyFile(files.key);
    if (certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly)) {
        tls.setLocalCertificate(QSslCertificate(&certificateFile));
        tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
    }
    QSslSocket socket;
    socket.setSslConfiguration(tls);
    const int port = url.port(kLibvirtTlsPort);
    socket.connectToHostEncrypted(url.host(), quint16(port));
    if (socket.waitForEncrypted(timeoutMs))
        return {};

    const QSslCertificate presented = socket.peerCertificate();
    QStringList reasons;
    for (const QSslError &error : socket.sslHandshakeErrors()) {
        QString reason;
        switch (error.error()) {
        case QSslError::HostNameMismatch:
            reason = Tr::tr("the host's certificate is for %1, not for %2")
                         .arg(namesOf(presented).join(QStringLiteral(", ")), url.host());
            break;
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
            reason = Tr::tr("the host's certificate is issued by %1, which the CA certificate "
                            "in %2 (%3) does not vouch for")
                         .arg(issuerOf(presented), files.ca, issuerOf(trusted.first()));
            break;
        case QSslError::CertificateExpired:
            reason = Tr::tr("the host's certificate expired on %1")
                         .arg(presented.expiryDate().toString(Qt::ISODate));
            break;
        case QSslError::CertificateNotYetValid:
            reason = Tr::tr("the host's certificate is valid only from %1")
                         .arg(presented.effectiveDate().toString(Qt::ISODate));
            break;
        default:
            reason = error.errorString();
            break;
        }
        if (!reasons.contains(reason))
            reasons.append(reason);
    }
    if (reasons.isEmpty() && socket.error() != QAbstractSocket::UnknownSocketError)
        return {}; // not a certificate problem: libvirt's own message says it
    return reasons.join(QStringLiteral("; "));
}

} // namespace Umbra::TlsDiagnosis

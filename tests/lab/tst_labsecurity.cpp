// The lab's secure host (scripts/lab up: umbra-lab-h60): a libvirtd that asks
// for a SASL login on TCP and serves TLS with the lab CA's certificates. The
// console logs in, remembers the login in a real keyring (tests/with-keyring)
// when the operator says so, keeps it out of its database and output, and
// says clearly what is wrong with a certificate — without falling back to
// an unencrypted connection. Skips when the lab is not running.
#include "../stderrcapture.h"
#include "collect/hostsession.h"
#include "collect/sessioncredentials.h"
#include "engine/engine.h"
#include "engine/fleetservice.h"
#include "keyring/desktopkeyring.h"
#include "labenv.h"

#include <QDir>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <unistd.h>

using namespace Umbra;

namespace {

// The operator at the login dialog, typing one password after another.
class Operator : public CredentialProvider
{
public:
    Operator(QString user, QStringList passwords, bool remember)
        : m_user(std::move(user))
        , m_passwords(std::move(passwords))
        , m_remember(remember)
    { }

    bool provide(CredentialRequest &request) override
    {
        const int turn = asked.fetchAndAddRelaxed(1);
        if (turn >= m_passwords.size())
            return false; // gives up
        for (CredentialField &field : request.fields)
            field.result = field.secret ? m_passwords.at(turn) : m_user;
        request.remember = m_remember;
        return true;
    }

    QAtomicInt asked;

private:
    QString m_user;
    QStringList m_passwords;
    bool m_remember;
};

// A host session on a thread of its own, as the console runs it.
class Session
{
public:
    Session(const QString &uri, CredentialProvider *credentials = nullptr)
    {
        static const Engine registersMetaTypes; // the Engine registers the signal types
        HostSession::Options options;
        options.intervalMs = 1000;
        options.initialRetryMs = 500;
        session = new HostSession(HostConfig{ uri, false }, options, credentials);
        session->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, session, &QObject::deleteLater);
        QObject::connect(session, &HostSession::statusChanged, &receiver,
                         [this](const HostStatus &s) { status = s; });
        thread.start();
        QMetaObject::invokeMethod(session, &HostSession::start, Qt::QueuedConnection);
    }
    ~Session()
    {
        QMetaObject::invokeMethod(session, &HostSession::stop, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

    HostStatus status;

private:
    QThread thread;
    QObject receiver;
    HostSession *session = nullptr;
};

QByteArray filesIn(const QString &path, const QString &except)
{
    QByteArray all;
    for (const QString &name : QDir(path).entryList(QDir::Files)) {
        if (name == except)
            continue;
        QFile file(QDir(path).filePath(name));
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class TestLabSecurity : public QObject
{
    Q_OBJECT

    Lab::Env m_lab;
    QString m_password;
    QString m_user;
    std::unique_ptr<DesktopKeyring> m_keyring;

    QString value(const char *key) const { return m_lab.value(QLatin1String(key)); }
    // The secure host's TCP URI with the user name in it, as an operator
    // would add it.
    QString loginUri() const
    {
        QUrl url(value("LAB_SECURE_TCP_URI"));
        url.setUserName(m_user);
        return url.toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        UMBRA_REQUIRE_LAB(m_lab);
        m_password = value("LAB_SECURE_PASSWORD");
        m_user = value("LAB_SECURE_USER");
        if (m_password.isEmpty())
            QSKIP("The lab has no secure host (an older scripts/lab brought it up).");
        m_keyring = std::make_unique<DesktopKeyring>(QStringLiteral("Umbra lab tests"), 10000);
        if (auto probe = m_keyring->remove(SessionCredentials::account(loginUri())); !probe) {
            const QString why = QStringLiteral("No Secret Service (ctest runs this test through "
                                               "tests/with-keyring): ")
                + probe.error();
            if (Lab::labRequired())
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
    }

    // SASL on TCP: a wrong password is turned down and asked again; the right
    // one, remembered, logs the next run in without asking. Neither password
    // reaches the database or anything printed.
    void loginIsAskedRememberedAndKeptOutOfTheStore()
    {
        const QString wrong = QStringLiteral("not-the-password-%1").arg(::getpid());
        QTemporaryDir dir;
        StderrCapture printed(dir.filePath(QStringLiteral("stderr.txt")));
        {
            Engine engine;
            Operator typing(m_user, { wrong, m_password }, true);
            engine.setCredentialProvider(&typing);
            engine.setSecretStore(m_keyring.get());
            QVERIFY(engine.openStore(dir.filePath(QStringLiteral("umbra.db"))).ok());
            QVERIFY(engine.fleet()->addHost(HostConfig{ loginUri(), false }).ok());
            engine.start();
            QTRY_COMPARE_WITH_TIMEOUT(engine.fleet()->hostStatus(loginUri()).state,
                                      HostState::Connected, 30000);
            QCOMPARE(typing.asked.loadRelaxed(), 2); // turned down once, then let in
            engine.shutdown();
        }
        auto kept = m_keyring->read(SessionCredentials::account(loginUri()));
        QVERIFY2(kept.ok(), qPrintable(kept.ok() ? QString() : kept.error()));
        QVERIFY(kept.value().contains(m_password));
        QVERIFY(!kept.value().contains(wrong));

        {
            // The next run: the keyring answers, nobody is asked.
            Engine engine;
            Operator nobody(m_user, {}, false);
            engine.setCredentialProvider(&nobody);
            engine.setSecretStore(m_keyring.get());
            QVERIFY(engine.openStore(dir.filePath(QStringLiteral("umbra.db"))).ok());
            engine.start();
            QTRY_COMPARE_WITH_TIMEOUT(engine.fleet()->hostStatus(loginUri()).state,
                                      HostState::Connected, 30000);
            QCOMPARE(nobody.asked.loadRelaxed(), 0);
            engine.shutdown();
        }
        const QByteArray output = printed.release();
        const QByteArray stored = filesIn(dir.path(), QStringLiteral("stderr.txt"));
        QVERIFY(stored.contains(m_user.toUtf8())); // the URI is stored, with its user
        for (const QString &secret : { m_password, wrong }) {
            QVERIFY2(!stored.contains(secret.toUtf8()), "a password reached the database");
            QVERIFY2(!output.contains(secret.toUtf8()), "a password reached standard error");
        }
        QVERIFY(m_keyring->remove(SessionCredentials::account(loginUri())).ok());
    }

    // An operator who cancels the login leaves the host unreachable, with
    // libvirt's reason, and is not asked again at every retry.
    void cancelledLoginLeavesTheHostUnreachable()
    {
        Operator cancelling(m_user, {}, false);
        SessionCredentials credentials;
        credentials.setFallback(&cancelling);
        Session session(loginUri(), &credentials);
        QTRY_VERIFY_WITH_TIMEOUT(session.status.failedAttempts >= 3, 30000);
        QCOMPARE(session.status.state, HostState::Unreachable);
        qInfo("cancelled: %s", qUtf8Printable(session.status.lastError));
        QVERIFY2(session.status.lastError.contains(QLatin1String("auth"), Qt::CaseInsensitive),
                 qPrintable(session.status.lastError));
        QCOMPARE(cancelling.asked.loadRelaxed(), 1);
    }

    // TLS with the lab CA's files connects; with another CA's, or to an
    // address the certificate does not name, it says which, and stays down.
    void tlsSaysWhatIsWrongWithACertificate()
    {
        {
            Session good(value("LAB_SECURE_TLS_URI"));
            QTRY_COMPARE_WITH_TIMEOUT(good.status.state, HostState::Connected, 30000);
        }
        {
            Session otherCa(value("LAB_SECURE_TLS_OTHER_CA_URI"));
            QTRY_VERIFY_WITH_TIMEOUT(otherCa.status.failedAttempts >= 2, 30000);
            const QString error = otherCa.status.lastError;
            qInfo("another CA: %s", qUtf8Printable(error));
            QVERIFY2(error.contains(QLatin1String("Umbra lab CA"))
                         && error.contains(QLatin1String("does not vouch for")),
                     qPrintable(error));
            QCOMPARE(otherCa.status.state, HostState::Unreachable); // no other transport
        }
        {
            Session otherName(value("LAB_SECURE_TLS_OTHER_NAME_URI"));
            QTRY_VERIFY_WITH_TIMEOUT(otherName.status.failedAttempts >= 2, 30000);
            const QString error = otherName.status.lastError;
            qInfo("another name: %s", qUtf8Printable(error));
            QVERIFY2(error.contains(QLatin1String("umbra-lab-h60"))
                         && error.contains(QLatin1String("not for 10.251.0.71")),
                     qPrintable(error));
            QCOMPARE(otherName.status.state, HostState::Unreachable);
        }
    }
};

QTEST_GUILESS_MAIN(TestLabSecurity)
#include "tst_labsecurity.moc"

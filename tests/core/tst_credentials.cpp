// Logins an operator chose to remember, kept in a real desktop keyring (GNOME
// Keyring's Secret Service on a D-Bus session of the test's own:
// tests/with-keyring), used on the next run, replaced when the host turns
// them down, removed with the host — and never written anywhere else.
#include "../stderrcapture.h"
#include "collect/sessioncredentials.h"
#include "engine/engine.h"
#include "engine/eventlog.h"
#include "engine/fleetservice.h"
#include "keyring/desktopkeyring.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <libvirt/libvirt.h>

using namespace Umbra;

namespace {

const QString kUri = QStringLiteral("qemu+tcp://kvm01.example.org/system");

// The operator at the login dialog: types a name and a password, ticks
// "remember" or not.
class Operator : public CredentialProvider
{
public:
    Operator(QString user, QString password, bool remember)
        : m_user(std::move(user))
        , m_password(std::move(password))
        , m_remember(remember)
    { }

    bool provide(CredentialRequest &request) override
    {
        ++asked;
        offeredToRemember = request.canRemember;
        for (CredentialField &field : request.fields)
            field.result = field.secret ? m_password : m_user;
        request.remember = m_remember;
        return true;
    }

    int asked = 0;
    bool offeredToRemember = false;

private:
    QString m_user;
    QString m_password;
    bool m_remember;
};

// What libvirt's SASL login asks for.
CredentialRequest saslRequest(const QString &uri = kUri)
{
    CredentialRequest request;
    request.uri = uri;
    CredentialField name;
    name.type = VIR_CRED_AUTHNAME;
    name.prompt = QStringLiteral("Please enter your authentication name");
    CredentialField password;
    password.type = VIR_CRED_PASSPHRASE;
    password.prompt = QStringLiteral("Please enter your password");
    password.secret = true;
    request.fields = { name, password };
    return request;
}

QString storedFor(DesktopKeyring &keyring, const QString &uri = kUri)
{
    auto stored = keyring.read(SessionCredentials::account(uri));
    return stored ? stored.value() : QStringLiteral("(unreadable: %1)").arg(stored.error());
}

// Every Qt message while it lives (QtTest would print them to standard
// output), passed on as well.
class MessageCapture
{
public:
    MessageCapture()
    {
        s_captured.clear();
        m_previous = qInstallMessageHandler(&MessageCapture::handle);
        s_previous = m_previous;
    }
    ~MessageCapture() { qInstallMessageHandler(m_previous); }
    QByteArray captured() const { return s_captured; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        s_captured += text.toUtf8() + '\n';
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline QByteArray s_captured;
    static inline QtMessageHandler s_previous = nullptr;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

    std::unique_ptr<DesktopKeyring> m_keyring;

private Q_SLOTS:
    void initTestCase()
    {
        m_keyring = std::make_unique<DesktopKeyring>(QStringLiteral("Umbra tests"), 10000);
        // ctest runs this through tests/with-keyring; run by hand without
        // one, there is no keyring to test against.
        auto probe = m_keyring->write(QStringLiteral("probe"), QStringLiteral("probe"));
        if (!probe) {
            if (qEnvironmentVariableIntValue("UMBRA_KEYRING_REQUIRED") == 1)
                QFAIL(qPrintable(probe.error()));
            QSKIP(qPrintable(QStringLiteral("No Secret Service (run through tests/with-keyring): ")
                             + probe.error()));
        }
        QVERIFY(m_keyring->remove(QStringLiteral("probe")).ok());
    }

    void init() { QVERIFY(m_keyring->remove(SessionCredentials::account(kUri)).ok()); }

    void rememberedLoginServesTheNextRun()
    {
        {
            SessionCredentials firstRun;
            firstRun.setSecretStore(m_keyring.get());
            Operator typing(QStringLiteral("ops"), QStringLiteral("s3cret-1"), true);
            firstRun.setFallback(&typing);
            CredentialRequest request = saslRequest();
            QVERIFY(firstRun.provide(request));
            QCOMPARE(typing.asked, 1);
            QVERIFY(typing.offeredToRemember);
            // Not kept before the host let the session in with it.
            QCOMPARE(storedFor(*m_keyring), QString());
            firstRun.accepted(kUri);
            QVERIFY(storedFor(*m_keyring).contains(QLatin1String("s3cret-1")));
        }
        SessionCredentials nextRun;
        nextRun.setSecretStore(m_keyring.get());
        Operator typing(QStringLiteral("nobody"), QStringLiteral("wrong"), false);
        nextRun.setFallback(&typing);
        CredentialRequest request = saslRequest();
        QVERIFY(nextRun.provide(request));
        QCOMPARE(typing.asked, 0);
        QCOMPARE(request.fields.at(0).result, QStringLiteral("ops"));
        QCOMPARE(request.fields.at(1).result, QStringLiteral("s3cret-1"));
    }

    void loginTurnedDownAsksTheOperatorAgain()
    {
        SessionCredentials earlier;
        earlier.setSecretStore(m_keyring.get());
        Operator typingOld(QStringLiteral("ops"), QStringLiteral("old-password"), true);
        earlier.setFallback(&typingOld);
        CredentialRequest first = saslRequest();
        QVERIFY(earlier.provide(first));
        earlier.accepted(kUri);

        // The password changed on the host since.
        SessionCredentials run;
        run.setSecretStore(m_keyring.get());
        Operator typingNew(QStringLiteral("ops"), QStringLiteral("new-password"), true);
        run.setFallback(&typingNew);
        CredentialRequest fromKeyring = saslRequest();
        QVERIFY(run.provide(fromKeyring));
        QCOMPARE(fromKeyring.fields.at(1).result, QStringLiteral("old-password"));
        QCOMPARE(typingNew.asked, 0);
        run.rejected(kUri);

        CredentialRequest typed = saslRequest();
        QVERIFY(run.provide(typed));
        QCOMPARE(typingNew.asked, 1);
        QCOMPARE(typed.fields.at(1).result, QStringLiteral("new-password"));
        // The old one stays until the new one has worked.
        QVERIFY(storedFor(*m_keyring).contains(QLatin1String("old-password")));
        run.accepted(kUri);
        QVERIFY(storedFor(*m_keyring).contains(QLatin1String("new-password")));
    }

    void loginNotRememberedStaysOutOfTheKeyring()
    {
        SessionCredentials run;
        run.setSecretStore(m_keyring.get());
        Operator typing(QStringLiteral("ops"), QStringLiteral("this-run-only"), false);
        run.setFallback(&typing);
        CredentialRequest request = saslRequest();
        QVERIFY(run.provide(request));
        run.accepted(kUri);
        QCOMPARE(storedFor(*m_keyring), QString());

        // A reconnect in the same run does not ask again...
        CredentialRequest again = saslRequest();
        QVERIFY(run.provide(again));
        QCOMPARE(typing.asked, 1);
        QCOMPARE(again.fields.at(1).result, QStringLiteral("this-run-only"));
        // ...until the host turns it down.
        run.rejected(kUri);
        CredentialRequest afterRejection = saslRequest();
        QVERIFY(run.provide(afterRejection));
        QCOMPARE(typing.asked, 2);
    }

    void cancelledLoginIsNotAskedAgainByItself()
    {
        SessionCredentials run;
        run.setSecretStore(m_keyring.get());
        struct Cancelling : CredentialProvider
        {
            bool provide(CredentialRequest &) override
            {
                ++asked;
                return false;
            }
            int asked = 0;
        } cancelling;
        run.setFallback(&cancelling);
        CredentialRequest request = saslRequest();
        QVERIFY(!run.provide(request));
        QVERIFY(run.cancelled(kUri));
        // The session's retries find the operator's answer, not a new dialog.
        CredentialRequest retry = saslRequest();
        QVERIFY(!run.provide(retry));
        QCOMPARE(cancelling.asked, 1);
        // "Reconnect now" asks once more.
        run.askAgain(kUri);
        CredentialRequest reconnect = saslRequest();
        QVERIFY(!run.provide(reconnect));
        QCOMPARE(cancelling.asked, 2);
    }

    void hostRemovedTakesItsLoginAlong()
    {
        SessionCredentials run;
        run.setSecretStore(m_keyring.get());
        Operator typing(QStringLiteral("ops"), QStringLiteral("s3cret-2"), true);
        run.setFallback(&typing);
        CredentialRequest request = saslRequest();
        QVERIFY(run.provide(request));
        run.accepted(kUri);
        QVERIFY(!storedFor(*m_keyring).isEmpty());
        run.forget(kUri);
        QTRY_COMPARE_WITH_TIMEOUT(storedFor(*m_keyring), QString(), 10000);
    }

    // A password given with a host's URI, and one remembered in the keyring:
    // neither reaches the database (the file and its write-ahead log) nor
    // anything the console prints, while the host is added, tried, refused
    // and removed.
    void secretsNeverReachTheDatabaseOrTheLog()
    {
        const QString uriPassword = QStringLiteral("TOPSECRET-in-the-uri");
        const QString keyringPassword = QStringLiteral("TOPSECRET-in-the-keyring");
        const QString host = QStringLiteral("qemu+tcp://operator@127.0.0.1:1/system");
        {
            SessionCredentials earlier;
            earlier.setSecretStore(m_keyring.get());
            Operator typing(QStringLiteral("operator"), keyringPassword, true);
            earlier.setFallback(&typing);
            CredentialRequest request = saslRequest(host);
            QVERIFY(earlier.provide(request));
            earlier.accepted(host);
        }

        QTemporaryDir dir;
        MessageCapture messages;
        StderrCapture stderrCapture(dir.filePath(QStringLiteral("stderr.txt")));
        QByteArray events;
        {
            Engine engine;
            connect(engine.events(), &EventLog::eventLogged, this,
                    [&](const EventRecord &event) { events += event.message.toUtf8() + '\n'; });
            engine.setSecretStore(m_keyring.get());
            QVERIFY(engine.openStore(dir.filePath(QStringLiteral("umbra.db"))).ok());
            QVERIFY(engine.fleet()
                        ->addHost(
                            HostConfig{ QStringLiteral("qemu+tcp://operator:%1@127.0.0.1:1/system")
                                            .arg(uriPassword),
                                        false })
                        .ok());
            engine.start();
            // Nothing listens there: refused, reported, retried.
            QTRY_VERIFY_WITH_TIMEOUT(engine.fleet()->hostStatus(host).failedAttempts >= 2, 10000);
            QVERIFY(!engine.fleet()->hostStatus(host).lastError.contains(uriPassword));
            engine.fleet()->removeHost(host);
            QTRY_COMPARE_WITH_TIMEOUT(storedFor(*m_keyring, host), QString(), 10000);
            engine.shutdown();
        }
        const QByteArray printed = stderrCapture.release() + messages.captured();
        // It did say what happened, with the host's address.
        QVERIFY2(events.contains("127.0.0.1") && events.contains("operator@"), events.constData());

        QByteArray written;
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files)) {
            if (name == QLatin1String("stderr.txt"))
                continue;
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            written += file.readAll();
        }
        QVERIFY(written.size() > 0);
        for (const QString &secret : { uriPassword, keyringPassword }) {
            QVERIFY2(!written.contains(secret.toUtf8()), qPrintable(secret));
            QVERIFY2(!printed.contains(secret.toUtf8()), qPrintable(secret));
            QVERIFY2(!events.contains(secret.toUtf8()), qPrintable(secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"

#include "keyring/desktopkeyring.h"

#include <QCoreApplication>
#include <future>
#include <memory>
#include <qt6keychain/keychain.h>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::DesktopKeyring)
};

} // namespace

struct DesktopKeyring::Answer
{
    QKeychain::Error error = QKeychain::OtherError;
    QString errorText;
    QString secret;
};

DesktopKeyring::DesktopKeyring(const QString &service, int timeoutMs)
    : m_service(service)
    , m_timeoutMs(timeoutMs)
{
    m_thread.setObjectName(QStringLiteral("keyring"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DesktopKeyring::~DesktopKeyring()
{
    m_thread.quit();
    m_thread.wait();
}

DesktopKeyring::Answer DesktopKeyring::ask(Operation operation, const QString &account,
                                           const QString &secret)
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    // Shared with the job's reply, which may come after a timeout gave up on it.
    auto answer = std::make_shared<std::promise<Answer>>();
    std::future<Answer> answered = answer->get_future();
    QMetaObject::invokeMethod(
        m_context,
        [service = m_service, operation, account, secret, answer] {
            QKeychain::Job *job = nullptr;
            switch (operation) {
            case Operation::Read:
                job = new QKeychain::ReadPasswordJob(service);
                break;
            case Operation::Write: {
                auto *write = new QKeychain::WritePasswordJob(service);
                write->setTextData(secret);
                job = write;
                break;
            }
            case Operation::Remove:
                job = new QKeychain::DeletePasswordJob(service);
                break;
            }
            job->setKey(account);
            // Deletes itself once it has finished.
            QObject::connect(job, &QKeychain::Job::finished, [answer](QKeychain::Job *done) {
                Answer result{ done->error(), done->errorString(), {} };
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                    result.secret = read->textData();
                answer->set_value(result);
            });
            job->start();
        },
        Qt::QueuedConnection);
    if (answered.wait_for(std::chrono::milliseconds(m_timeoutMs)) != std::future_status::ready)
        return Answer{ QKeychain::OtherError,
                       Tr::tr("no answer within %1 s").arg(m_timeoutMs / 1000),
                       {} };
    return answered.get();
}

Result<QString> DesktopKeyring::read(const QString &account)
{
    const Answer answer = ask(Operation::Read, account);
    if (answer.error == QKeychain::EntryNotFound)
        return QString();
    if (answer.error != QKeychain::NoError)
        return Error{ Tr::tr("Reading a remembered login from the desktop keyring failed: %1")
                          .arg(answer.errorText) };
    return answer.secret;
}

Result<void> DesktopKeyring::write(const QString &account, const QString &secret)
{
    const Answer answer = ask(Operation::Write, account, secret);
    if (answer.error != QKeychain::NoError)
        return Error{
            Tr::tr("Keeping the login in the desktop keyring failed: %1").arg(answer.errorText)
        };
    return {};
}

Result<void> DesktopKeyring::remove(const QString &account)
{
    const Answer answer = ask(Operation::Remove, account);
    if (answer.error != QKeychain::NoError && answer.error != QKeychain::EntryNotFound)
        return Error{ Tr::tr("Removing a remembered login from the desktop keyring failed: %1")
                          .arg(answer.errorText) };
    return {};
}

} // namespace Umbra

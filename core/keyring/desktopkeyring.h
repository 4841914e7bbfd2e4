#pragma once

#include "collect/secretstore.h"

#include <QThread>

namespace Umbra {

// The desktop's keyring through QtKeychain: the Secret Service (GNOME
// Keyring, KeePassXC) or KWallet, whichever the session runs. Its requests
// run on a thread of their own, where QtKeychain's D-Bus replies arrive;
// each call waits for its answer, at most `timeoutMs`, so it must not be
// made on the GUI thread.
class DesktopKeyring : public SecretStore
{
public:
    explicit DesktopKeyring(const QString &service = QStringLiteral("Umbra"),
                            int timeoutMs = 15000);
    ~DesktopKeyring() override;

    Result<QString> read(const QString &account) override;
    Result<void> write(const QString &account, const QString &secret) override;
    Result<void> remove(const QString &account) override;

private:
    struct Answer;
    enum class Operation { Read, Write, Remove };
    Answer ask(Operation operation, const QString &account, const QString &secret = {});

    QString m_service;
    int m_timeoutMs;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
};

} // namespace Umbra

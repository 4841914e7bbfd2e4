#pragma once

#include "util/result.h"

#include <QString>

namespace Umbra {

// Where passwords an operator chose to remember are kept: the desktop's
// keyring (keyring/desktopkeyring.h), never Umbra's database, settings or
// logs. Each call waits for the keyring, so it belongs on a host session's
// thread or a worker, never on the GUI thread.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // The secret kept for `account`, empty when there is none; an error when
    // the keyring cannot be reached or is locked.
    virtual Result<QString> read(const QString &account) = 0;
    virtual Result<void> write(const QString &account, const QString &secret) = 0;
    // Forgetting what is not there succeeds.
    virtual Result<void> remove(const QString &account) = 0;
};

} // namespace Umbra

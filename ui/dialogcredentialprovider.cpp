#include "dialogcredentialprovider.h"

#include "credentialdialog.h"

#include <QCoreApplication>
#include <QThread>

namespace Umbra {

DialogCredentialProvider::DialogCredentialProvider(QWidget *parent)
    : m_parent(parent)
{ }

bool DialogCredentialProvider::provide(CredentialRequest &request)
{
    QCoreApplication *app = QCoreApplication::instance();
    // A blocking queued call to our own thread would deadlock; nested event
    // loops from inside libvirt's callback are no better. Refuse instead.
    if (!app || QThread::currentThread() == app->thread())
        return false;

    bool accepted = false;
    CredentialRequest answered = request;
    const bool delivered = QMetaObject::invokeMethod(
        app,
        [&] {
            CredentialDialog dialog(request, m_parent.data());
            accepted = dialog.exec() == QDialog::Accepted;
            if (accepted) {
                answered.fields = dialog.answers();
                answered.remember = dialog.remember();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!delivered || !accepted)
        return false;
    request = answered;
    return true;
}

} // namespace Umbra

#include "dialogcredentialprovider.h"

#include "credentialdialog.h"

#include <QCoreApplication>
#include <QThread>

namespace Umbra {

DialogCredentialProvider::DialogCredentialProvider(QWidget *parent)
    : m_parent(parent)
{ }

bool DialogCredentialProvider::provide(const QString &uri, QList<CredentialField> &fields)
{
    QCoreApplication *app = QCoreApplication::instance();
    // A blocking queued call to our own thread would deadlock; nested event
    // loops from inside libvirt's callback are no better. Refuse instead.
    if (!app || QThread::currentThread() == app->thread())
        return false;

    bool accepted = false;
    QList<CredentialField> answers;
    const bool delivered = QMetaObject::invokeMethod(
        app,
        [&] {
            CredentialDialog dialog(uri, fields, m_parent.data());
            accepted = dialog.exec() == QDialog::Accepted;
            if (accepted)
                answers = dialog.answers();
        },
        Qt::BlockingQueuedConnection);
    if (!delivered || !accepted)
        return false;
    fields = answers;
    return true;
}

} // namespace Umbra

#pragma once

#include "collect/credentialprovider.h"

#include <QDialog>
#include <QList>

class QLineEdit;

namespace Umbra {

// Asks the operator for what libvirt's authentication needs (user name,
// passphrase, …), one field per request; secret fields never echo.
class CredentialDialog : public QDialog
{
    Q_OBJECT

public:
    CredentialDialog(const QString &uri, const QList<CredentialField> &fields,
                     QWidget *parent = nullptr);

    // The fields with their results filled in from the editors.
    QList<CredentialField> answers() const;

private:
    QList<CredentialField> m_fields;
    QList<QLineEdit *> m_edits;
};

} // namespace Umbra

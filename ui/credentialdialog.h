#pragma once

#include "collect/credentialprovider.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QLineEdit;

namespace Umbra {

// Asks the operator for what libvirt's authentication needs (user name,
// passphrase, …), one field per request; secret fields never echo. Where a
// keyring is there, the operator may choose to have the login remembered.
class CredentialDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CredentialDialog(const CredentialRequest &request, QWidget *parent = nullptr);

    // The fields with their results filled in from the editors.
    QList<CredentialField> answers() const;
    // Whether to keep the login in the desktop keyring (off unless chosen).
    bool remember() const;

private:
    QList<CredentialField> m_fields;
    QList<QLineEdit *> m_edits;
    QCheckBox *m_remember = nullptr;
};

} // namespace Umbra

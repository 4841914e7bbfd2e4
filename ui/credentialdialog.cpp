#include "credentialdialog.h"

#include "elidedlabel.h"
#include "fleet/hosturi.h"
#include "util/displaytext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Umbra {

CredentialDialog::CredentialDialog(const CredentialRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_fields(request.fields)
{
    const QString &uri = request.uri;
    setWindowTitle(tr("Log in to %1").arg(HostUri::displayName(uri)));

    auto *intro = new QLabel(tr("libvirt asks for credentials to connect to <b>%1</b>.")
                                 .arg(HostUri::quoted(uri).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    for (const CredentialField &field : std::as_const(m_fields)) {
        auto *edit = new QLineEdit(field.defaultResult, this);
        if (field.secret)
            edit->setEchoMode(QLineEdit::Password);
        // libvirt's prompt, shown as the text it is.
        QString label
            = field.prompt.isEmpty() ? tr("Answer") : DisplayText::quote(field.prompt, 80);
        if (!label.endsWith(u':'))
            label += u':';
        if (!field.challenge.isEmpty())
            edit->setToolTip(plainToolTip(field.challenge, 500));
        form->addRow(label, edit);
        m_edits.append(edit);
    }

    if (request.canRemember) {
        m_remember = new QCheckBox(tr("&Remember in the desktop keyring"), this);
        m_remember->setObjectName(QStringLiteral("remember"));
        m_remember->setToolTip(
            tr("Kept by the desktop's keyring once the host accepts it, never in Umbra's "
               "database or settings; used when the console connects again."));
        form->addRow(QString(), m_remember);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QList<CredentialField> CredentialDialog::answers() const
{
    QList<CredentialField> result = m_fields;
    for (qsizetype i = 0; i < result.size() && i < m_edits.size(); ++i)
        result[i].result = m_edits[i]->text();
    return result;
}

bool CredentialDialog::remember() const
{
    return m_remember && m_remember->isChecked();
}

} // namespace Umbra

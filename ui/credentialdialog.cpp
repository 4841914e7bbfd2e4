#include "credentialdialog.h"

#include "elidedlabel.h"
#include "fleet/hosturi.h"
#include "util/displaytext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Umbra {

CredentialDialog::CredentialDialog(const QString &uri, const QList<CredentialField> &fields,
                                   QWidget *parent)
    : QDialog(parent)
    , m_fields(fields)
{
    setWindowTitle(tr("Log in to %1").arg(HostUri::displayName(uri)));

    auto *intro = new QLabel(tr("libvirt asks for credentials to connect to <b>%1</b>.")
                                 .arg(HostUri::quoted(uri).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    for (const CredentialField &field : fields) {
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

} // namespace Umbra
